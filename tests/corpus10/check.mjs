#!/usr/bin/env node
// Re-checks tests/corpus10/holdout.jsonl without Python (Node 20, no dependencies).
//
//   node tests/corpus10/check.mjs [path/to/holdout.jsonl]
//
// Checks, per spec §3.6 ("Prompt text", "Guaranteed present, by value type"):
//   - 48 tasks, unique well-formed ids (uuid v4 task_id, 16-hex nonce), known family
//   - invariants in the generated-tasks.jsonl shape {resource_type, match, comparison_rule}
//   - the grant sentence verbatim (exactly once)
//   - exactly one of the three submission sentences (one occurrence in total)
//   - a provider mention (gcp | google cloud | google cloud platform)
//   - one line of printable ASCII
//   - every invariant value present: strings/enums case-insensitively (with upstream's
//     punctuation/space-insensitive fallback), ints as digits or number words 0-20,
//     bools as true/false/yes/no/enabled/disabled/on/off, IAM members by the part after
//     "serviceAccount:", multi-line or sentence-like strings (the startup script) only by
//     their embedded identifier token, MIME-like values (text/plain) and values over 80
//     characters not required.
// Exits 1 on any failure.

import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const path = process.argv[2] || join(here, "holdout.jsonl");

const SA = "alphacore-validator@alphacore-478113.iam.gserviceaccount.com";
const GRANT = `Grant ${SA} viewer access so they can verify the deployment.`;
const SUBMISSION = [
  "Submit a single zip archive of the repository; keep the Terraform config at the repository root and include terraform.tfstate at the repository root.",
  "Bundle the repository into one zip archive for submission; keep Terraform at the repository root and include terraform.tfstate at the repository root.",
  "Deliver one zip archive containing the repository with the Terraform config at the repository root and terraform.tfstate at the repository root.",
];
const FAMILIES = new Set([
  "network_stack", "network_without_instance", "storage_delivery", "artifact_delivery",
  "bucket_with_object", "network_plus_storage", "network_plus_artifacts", "network_plus_pubsub",
  "storage_with_pubsub", "dns_frontend", "dns_network_bridge", "topic_with_subscription",
]);
const RULES = new Set(["exact_match", "starts_with", "ends_with"]);
const WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
  "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
  "nineteen", "twenty"];
const IDENT_RE = /\b[a-z0-9]{4,}(?:-[a-z0-9]{3,})+\b/g;

const esc = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const norm = (s) => s.toLowerCase().replace(/[^a-z0-9]+/g, "");
const count = (hay, needle) => hay.split(needle).length - 1;

function hasString(prompt, value) {
  const p = prompt.toLowerCase();
  const v = value.toLowerCase();
  return p.includes(v) || (norm(v) !== "" && norm(p).includes(norm(v)));
}

// Returns a list of human-readable problems for one (field, value) pair.
function checkValue(prompt, field, value) {
  const p = prompt.toLowerCase();
  if (value === null || value === undefined) return [];
  if (typeof value === "boolean") {
    const re = value ? /\b(true|yes|enabled|on)\b/ : /\b(false|no|disabled|off)\b/;
    return re.test(p) ? [] : [`${field}: bool ${value} not expressed`];
  }
  if (typeof value === "number") {
    if (Number.isInteger(value)) {
      const digits = new RegExp(`(^|[^0-9])${value}([^0-9]|$)`).test(p);
      const word = value >= 0 && value <= 20 && new RegExp(`\\b${WORDS[value]}\\b`).test(p);
      return digits || word ? [] : [`${field}: int ${value} missing`];
    }
    return p.includes(String(value)) ? [] : [`${field}: number ${value} missing`];
  }
  if (Array.isArray(value)) return value.flatMap((v) => checkValue(prompt, field, v));
  if (typeof value === "object") return Object.values(value).flatMap((v) => checkValue(prompt, field, v));
  const raw = String(value).trim();
  if (!raw) return [];
  let lowered = raw.toLowerCase();
  if (/member$/i.test(field) && lowered.includes(":") && !/^https?:\/\//.test(lowered)) {
    lowered = lowered.split(":").slice(1).join(":").trim();
    return hasString(prompt, lowered) ? [] : [`${field}: member ${lowered} missing`];
  }
  const idents = (lowered.match(IDENT_RE) || []).filter((t) => t !== "acore-token" && /[0-9]/.test(t));
  if (/\s/.test(lowered)) {
    // multi-line (startup script) or sentence-like: only the embedded identifier tokens
    const missing = idents.filter((t) => !p.includes(t));
    return missing.length ? [`${field}: identifier ${missing.join(", ")} missing`] : [];
  }
  if (/^[a-z0-9.+-]+\/[a-z0-9.+-]+$/.test(lowered) && !/[0-9]/.test(lowered)) return []; // text/plain
  if (lowered.length > 80) return [];
  return hasString(prompt, lowered) ? [] : [`${field}: "${raw}" missing`];
}

const failures = [];
const fail = (where, msg) => failures.push(`${where}: ${msg}`);

let lines;
try {
  lines = readFileSync(path, "utf8").split("\n").filter((l) => l.trim() !== "");
} catch (e) {
  console.error(`cannot read ${path}: ${e.message}`);
  process.exit(1);
}
if (lines.length !== 48) fail("file", `expected 48 tasks, found ${lines.length}`);

const seen = new Set();
const families = new Map();
lines.forEach((line, i) => {
  let t;
  try {
    t = JSON.parse(line);
  } catch (e) {
    fail(`line ${i + 1}`, `invalid JSON (${e.message})`);
    return;
  }
  const where = `line ${i + 1} ${String(t.task_id).slice(0, 8)}`;
  const keys = Object.keys(t).sort().join(",");
  if (keys !== "family,invariants,nonce,prompt,task_id") fail(where, `unexpected keys ${keys}`);
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(t.task_id)) fail(where, "task_id is not a uuid4");
  if (!/^[0-9a-f]{16}$/.test(t.nonce)) fail(where, "nonce is not 16 hex chars");
  if (seen.has(t.task_id)) fail(where, "duplicate task_id");
  seen.add(t.task_id);
  if (!FAMILIES.has(t.family)) fail(where, `unknown family ${t.family}`);
  families.set(t.family, (families.get(t.family) || 0) + 1);

  const prompt = t.prompt;
  if (typeof prompt !== "string" || !prompt) {
    fail(where, "empty prompt");
    return;
  }
  if (/[\r\n]/.test(prompt)) fail(where, "prompt is not one line");
  if (!/^[\x20-\x7e]*$/.test(prompt)) fail(where, "prompt has non-ASCII or control characters");
  if (prompt !== prompt.trim() || /\s{2,}/.test(prompt)) fail(where, "whitespace not collapsed");
  const g = count(prompt, GRANT);
  if (g !== 1) fail(where, `grant sentence found ${g} times`);
  const subs = SUBMISSION.map((s) => count(prompt, s));
  const nsub = subs.reduce((a, b) => a + b, 0);
  if (nsub !== 1) fail(where, `submission sentences found ${nsub} times (${subs.join("/")})`);
  if (!/\b(gcp|google cloud|google cloud platform)\b/i.test(prompt)) fail(where, "no provider mention");

  if (!Array.isArray(t.invariants) || t.invariants.length === 0) {
    fail(where, "no invariants");
    return;
  }
  for (const inv of t.invariants) {
    const ik = Object.keys(inv).sort().join(",");
    if (ik !== "comparison_rule,match,resource_type") fail(where, `invariant keys ${ik}`);
    if (!/^google_[a-z_]+$/.test(inv.resource_type || "")) fail(where, `bad resource_type ${inv.resource_type}`);
    for (const [f, r] of Object.entries(inv.comparison_rule || {})) {
      if (!RULES.has(r)) fail(where, `bad comparison rule ${f}=${r}`);
      if (!(f in (inv.match || {}))) fail(where, `comparison rule for absent field ${f}`);
    }
    for (const [field, value] of Object.entries(inv.match || {})) {
      for (const problem of checkValue(prompt, field, value)) fail(where, `${inv.resource_type} ${problem}`);
    }
  }
});

const famList = [...families.entries()].sort().map(([f, n]) => `${f}=${n}`).join(" ");
if (failures.length) {
  for (const f of failures) console.error(`FAIL ${f}`);
  console.error(`\n${failures.length} failure(s) in ${path}`);
  process.exit(1);
}
console.log(`ok: ${lines.length} tasks, all checks passed (${path})`);
console.log(`families: ${famList}`);
