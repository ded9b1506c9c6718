/** The UI kit: every form and table of the product is built from these parts. */
export { Button } from "./button";
export { Field, FormMessage, inputClass, type FormResult } from "./form";
export { Table, TBody, Td, Th, THead } from "./table";
