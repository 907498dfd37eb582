/** What every score, decision, allocation and report records about the rules it used. */
export interface RuleSetRef {
  id: string;
  version: number;
  hash: string;
}
