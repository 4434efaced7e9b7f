/** Facts about the employee's setup and situation, as far as they told them; nothing here is guessed. */
export interface Environment {
  app?: string;
  os?: string;
  device?: string;
  /** The first exact error code or message the employee gave (kept for older readers). */
  errorText?: string;
  /** Make and model as the employee wrote it ("HP LaserJet M479", "iPhone 13"). */
  model?: string;
  /** Every exact error code or message the employee gave, in the order they gave them. */
  errors?: string[];
  /** Since when, in the employee's words ("since the update", "アップデート後から"). */
  since?: string;
  /** Who or how many are affected, in the employee's words ("the whole team", "部署全員"). */
  affected?: string;
  /** A deadline or meeting that makes it pressing, in the employee's words ("by 5pm today"). */
  deadline?: string;
}
