/** The UI kit: every form and table of the product is built from these parts. */
export { Button, buttonClass, type ButtonVariant } from "./button";
export { Field, FieldError, FormMessage, fieldErrors, fieldProps, hintId, inputClass, type FormResult } from "./form";
export { EmptyRow, Table, TBody, Td, Th, THead } from "./table";
