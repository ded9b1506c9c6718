import { StubPage, stubMetadata, type TenantPageProps } from "@/components/StubPage";

export const generateMetadata = stubMetadata("targets");

export default function TargetsPage({ params }: TenantPageProps) {
  return <StubPage page="targets" params={params} />;
}
