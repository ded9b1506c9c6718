import { StubPage, stubMetadata, type TenantPageProps } from "@/components/StubPage";

export const generateMetadata = stubMetadata("bulletins");

export default function BulletinsPage({ params }: TenantPageProps) {
  return <StubPage page="bulletins" params={params} />;
}
