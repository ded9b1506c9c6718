/** Not a server action: asks Next to re-render a page after a successful change (a no-op outside a request, e.g. in tests). */
import { revalidatePath } from "next/cache";

export function refreshPage(path: string): void {
  try {
    revalidatePath(path);
  } catch {
    /* outside a Next request (integration tests): nothing to refresh */
  }
}
