import { redirect } from "next/navigation";
import { SIGN_IN_PATH, homePath } from "@/lib/auth/home";
import { getSessionUser } from "@/lib/auth/session";

/** `/` → the signed-in user's home page, or the sign-in page. */
export default async function RootPage() {
  const user = await getSessionUser();
  redirect(user ? homePath(user) : SIGN_IN_PATH);
}
