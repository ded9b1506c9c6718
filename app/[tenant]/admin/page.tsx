import { StubPage, stubMetadata, type TenantPageProps } from "@/components/StubPage";

export const generateMetadata = stubMetadata("admin");

export default function AdminPage({ params }: TenantPageProps) {
  return <StubPage page="admin" params={params} />;
}
