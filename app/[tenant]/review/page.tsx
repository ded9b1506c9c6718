import { StubPage, stubMetadata, type TenantPageProps } from "@/components/StubPage";

export const generateMetadata = stubMetadata("review");

export default function ReviewPage({ params }: TenantPageProps) {
  return <StubPage page="review" params={params} />;
}
