/** Facts about the employee's setup, as far as they told them; nothing here is guessed. */
export interface Environment {
  app?: string;
  os?: string;
  device?: string;
  errorText?: string;
}
