/**
 * The `rules` and `rulesByPath` options: the severity a rule's warnings and notes take, in every
 * doc or in the docs a glob matches (a vendor's folder). `off` leaves them out. An error stays an
 * error: it means a doc could not be read as written, and no option lets such output through.
 */
import picomatch from "picomatch";
import type { VFile } from "vfile";
import type { Config, RuleSeverity } from "../config/defaults.js";

/** Sets each message's severity as the options say; changes `files` in place. */
export function applyRuleSeverities(files: Iterable<VFile>, config: Pick<Config, "rules" | "rulesByPath">): void {
  const byPath = Object.entries(config.rulesByPath).map(([glob, rules]) => ({
    matches: picomatch(glob, { dot: true }),
    rules,
  }));
  if (Object.keys(config.rules).length === 0 && byPath.length === 0) return;
  for (const file of files) {
    const path = file.path.replace(/\\/g, "/");
    const own = byPath.filter((entry) => entry.matches(path));
    const severityOf = (rule: string): RuleSeverity | undefined => {
      for (let index = own.length - 1; index >= 0; index -= 1) {
        const severity = own[index]!.rules[rule];
        if (severity !== undefined) return severity;
      }
      return config.rules[rule];
    };
    file.messages = file.messages.filter((message) => {
      if (message.fatal === true || message.ruleId === undefined || message.ruleId === null) return true;
      const severity = severityOf(message.ruleId);
      if (severity === undefined) return true;
      if (severity === "off") return false;
      message.fatal = severity === "error" ? true : severity === "warning" ? false : undefined;
      return true;
    });
  }
}
