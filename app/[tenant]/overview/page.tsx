import { StubPage, stubMetadata, type TenantPageProps } from "@/components/StubPage";

export const generateMetadata = stubMetadata("overview");

export default function OverviewPage({ params }: TenantPageProps) {
  return <StubPage page="overview" params={params} />;
}
