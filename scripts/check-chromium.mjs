// The browser tests drive Debian's Chromium; they never download a browser of their own.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";

const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
try {
  if (!existsSync(chromium)) throw new Error(`${chromium} does not exist`);
  const version = execFileSync(chromium, ["--version"], { encoding: "utf8" }).trim();
  console.log(`browser tests will use ${version} (${chromium})`);
} catch (error) {
  console.error(
    `\nChromium is needed for the browser tests and was not found (${error.message}).\n` +
      "Install Debian's package:  sudo apt-get install -y chromium poppler-utils\n" +
      "or point CHROMIUM_PATH at a Chromium binary. See README.md, 'Testing'.\n",
  );
  process.exit(1);
}
