import { StubPage, stubMetadata, type TenantPageProps } from "@/components/StubPage";

export const generateMetadata = stubMetadata("entry");

export default function EntryPage({ params }: TenantPageProps) {
  return <StubPage page="entry" params={params} />;
}
