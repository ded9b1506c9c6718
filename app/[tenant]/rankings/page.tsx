import { StubPage, stubMetadata, type TenantPageProps } from "@/components/StubPage";

export const generateMetadata = stubMetadata("rankings");

export default function RankingsPage({ params }: TenantPageProps) {
  return <StubPage page="rankings" params={params} />;
}
