// A dendrite for tests that behaves like bittensor v10.2.0's Dendrite: headers from Synapse.to_headers(),
// body from model_dump(), the signature over "{nonce}.{dendrite_hotkey}.{axon_hotkey}.{uuid}.{body_hash}",
// and responses parsed like process_server_response (a 200 body must validate as the synapse class, bt_header_*
// values must parse, non-200 keeps only status and message). Nonces are BigInt nanoseconds.
import http from 'node:http';
import { randomBytes, randomUUID } from 'node:crypto';
import { sr25519Sign, encodeAddress } from '@polkadot/util-crypto';

export const EMPTY_BODY_HASH = 'a7ffc6f8bf1ed76651c14756a061d662f580ff4de43b49fa82d80a4b80f8434a';

// Python float/int/str-aware JSON: PyFloat(12) -> 12.0, BigInt -> exact digits.
export class PyFloat { constructor(v) { this.v = v; } }
export function pyJson(v) {
  if (v === null || v === undefined) return 'null';
  if (v instanceof PyFloat) return Number.isInteger(v.v) ? `${v.v}.0` : String(v.v);
  if (typeof v === 'bigint') return v.toString();
  if (Array.isArray(v)) return '[' + v.map(pyJson).join(', ') + ']';
  if (typeof v === 'object') return '{' + Object.entries(v).map(([k, x]) => `${JSON.stringify(k)}: ${pyJson(x)}`).join(', ') + '}';
  return JSON.stringify(v);
}
const pyStrFloat = (x) => (Number.isInteger(x) ? `${x}.0` : String(x));

const TERMINAL = ['status_code', 'status_message', 'process_time', 'ip', 'port', 'version', 'nonce', 'uuid', 'hotkey', 'signature'];
const terminal = (over = {}) => Object.fromEntries(TERMINAL.map((k) => [k, over[k] ?? null]));

// The AlphaCore synapse classes (subnet/protocol.py): field -> [type, default, required]
export const SCHEMAS = {
  StartRoundSynapse: { version: ['str', 'alpha-core.v1'], round_id: ['str', ''], timestamp: ['int', 0],
    validator_version: ['str', ''], miner_version: ['str', ''], is_ready: ['bool', false],
    available_capacity: ['int', 0], error_message: ['str?', null] },
  TaskSynapse: { version: ['str', 'alpha-core.v1'], task_id: ['str', undefined, true], prompt: ['str?', null],
    task_spec: ['dict', {}], notes: ['str?', null], result_summary: ['dict', {}], evidence_hint: ['dict', {}],
    workspace_zip_b64: ['str?', null], workspace_zip_filename: ['str?', null], workspace_zip_sha256: ['str?', null],
    workspace_zip_size_bytes: ['int?', null] },
  TaskFeedbackSynapse: { version: ['str', 'alpha-core.v1'], round_id: ['str', ''], task_id: ['str', ''],
    miner_uid: ['int', 0], score: ['float', 0.0], feedback_text: ['str?', null], suggestions: ['list?', null],
    latency_seconds: ['float', 0.0], acknowledged: ['bool', false] },
  TaskCleanupSynapse: { version: ['str', 'alpha-core.v1'], task_id: ['str', undefined, true],
    validation_response: ['dict', {}], acknowledged: ['bool', false], cleanup_ok: ['bool', false],
    error_message: ['str?', null] },
  Synapse: {},
};

function checkType(type, v) {
  const optional = type.endsWith('?');
  const t = optional ? type.slice(0, -1) : type;
  if (v === null) return optional;
  switch (t) {
    case 'str': return typeof v === 'string';
    case 'int': return Number.isInteger(v) || typeof v === 'bigint';
    case 'float': return typeof v === 'number';
    case 'bool': return typeof v === 'boolean';
    case 'dict': return typeof v === 'object' && !Array.isArray(v);
    case 'list': return Array.isArray(v);
    default: return false;
  }
}

// pydantic-like validation of a 200 body against the class; throws like the dendrite would (-> 422).
export function validateSynapse(name, obj) {
  if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) throw new Error('body is not an object');
  for (const [field, [type, , required]] of Object.entries(SCHEMAS[name] || {})) {
    if (!(field in obj)) { if (required) throw new Error(`missing required field ${field}`); continue; }
    if (!checkType(type, obj[field])) throw new Error(`field ${field}: ${JSON.stringify(obj[field])} is not ${type}`);
  }
  for (const t of ['axon', 'dendrite']) {
    if (t in obj && (obj[t] === null || typeof obj[t] !== 'object')) throw new Error(`${t} is not an object`);
  }
  if ('timeout' in obj && typeof obj.timeout !== 'number') throw new Error('timeout is not a float');
}

function parseHeadersLikeDendrite(headers) {
  const out = { axon: {}, dendrite: {} };
  const ints = ['status_code', 'port', 'version', 'nonce'];
  for (const [k, v] of Object.entries(headers)) {
    for (const side of ['axon', 'dendrite']) {
      const prefix = `bt_header_${side}_`;
      if (k.includes(prefix)) {
        const f = k.slice(k.indexOf(prefix) + prefix.length);
        if (ints.includes(f)) { if (!/^-?\d+$/.test(v)) throw new Error(`header ${k}=${v} is not an int`); out[side][f] = BigInt(v); }
        else if (f === 'process_time') { if (Number.isNaN(Number(v))) throw new Error(`header ${k} is not a float`); out[side][f] = Number(v); }
        else out[side][f] = v;
      }
    }
  }
  for (const k of ['timeout']) if (k in headers && Number.isNaN(Number(headers[k]))) throw new Error(`${k} not a float`);
  for (const k of ['header_size', 'total_size']) if (k in headers && !/^\d+$/.test(headers[k])) throw new Error(`${k} not an int`);
  return out;
}

export function rawRequest({ host = '127.0.0.1', port, path, headers, body, agent }) {
  return new Promise((resolve, reject) => {
    const req = http.request({ host, port, path, method: 'POST', headers, agent }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, text: Buffer.concat(chunks).toString() }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

export class Dendrite {
  constructor(pair, { version = 10002000, uuid = randomUUID(), ip = '127.0.0.1', agent } = {}) {
    this.pair = pair;
    this.hotkey = encodeAddress(pair.publicKey, 42);
    this.version = version;
    this.uuid = uuid;
    this.ip = ip;
    this.agent = agent || new http.Agent({ keepAlive: true });
  }

  nowNonce() { return BigInt(Date.now()) * 1000000n + BigInt(Math.floor(Math.random() * 1e6)); }

  // Builds {path, headers, body} exactly as bittensor v10 would. Options let tests tamper.
  build(axon, name, fields, timeout, opts = {}) {
    const nonce = opts.nonce ?? this.nowNonce();
    const bodyHash = opts.bodyHash ?? EMPTY_BODY_HASH;
    const signedAxonHotkey = opts.signedAxonHotkey ?? axon.hotkey;
    const message = `${nonce}.${this.hotkey}.${signedAxonHotkey}.${this.uuid}.${bodyHash}`;
    const signature = opts.signature ?? ('0x' + Buffer.from(sr25519Sign(new TextEncoder().encode(message), this.pair)).toString('hex'));
    const dendrite = terminal({ ip: this.ip, version: this.version, nonce, uuid: this.uuid, hotkey: this.hotkey, signature });
    const axonInfo = terminal({ ip: '127.0.0.1', port: axon.port, hotkey: axon.hotkey });
    const defaults = {};
    for (const [f, [, def]] of Object.entries(SCHEMAS[name] || {})) if (def !== undefined) defaults[f] = def;
    const bodyObj = { name, timeout: new PyFloat(timeout), total_size: 0, header_size: 0, dendrite, axon: axonInfo,
      computed_body_hash: '', ...defaults, ...fields };
    const headers = {
      'content-type': 'application/json', name, timeout: pyStrFloat(timeout),
      bt_header_axon_ip: '127.0.0.1', bt_header_axon_port: String(axon.port), bt_header_axon_hotkey: axon.hotkey,
      bt_header_dendrite_ip: this.ip, bt_header_dendrite_version: String(this.version),
      bt_header_dendrite_nonce: String(nonce), bt_header_dendrite_uuid: this.uuid,
      bt_header_dendrite_hotkey: this.hotkey, bt_header_dendrite_signature: signature,
      header_size: '640', total_size: '3210', computed_body_hash: bodyHash,
    };
    for (const [f, [, , required]] of Object.entries(SCHEMAS[name] || {})) if (required) headers[`bt_header_input_obj_${f}`] = 'IiI=';
    if (opts.headers) Object.assign(headers, opts.headers);
    for (const k of opts.dropHeaders || []) delete headers[k];
    let body = opts.body ?? pyJson(bodyObj);
    return { path: `/${opts.route ?? name}`, headers, body, nonce };
  }

  // Sends and processes the answer like process_server_response. Returns {status, message, synapse, raw}.
  async call(axon, name, fields = {}, timeout = 12, opts = {}) {
    const req = this.build(axon, name, fields, timeout, opts);
    const raw = await rawRequest({ host: axon.host, port: axon.port, path: req.path, headers: req.headers, body: req.body, agent: this.agent });
    return { ...Dendrite.process(name, raw), raw, nonce: req.nonce };
  }

  static process(name, raw) {
    try {
      if (!/^application\/(.+\+)?json/.test(raw.headers['content-type'] || '')) throw new Error('content type');
      const json = JSON.parse(raw.text);
      let synapse = null;
      let status = raw.status;
      let message;
      if (raw.status === 200) {
        validateSynapse(name, json);
        synapse = json;
      } else {
        message = json.message;
      }
      const parsed = parseHeadersLikeDendrite(raw.headers);
      if (parsed.axon.status_code !== undefined) status = Number(parsed.axon.status_code);
      if (parsed.axon.status_message !== undefined) message = parsed.axon.status_message;
      else if (synapse) message = synapse.axon?.status_message;
      return { status, message, synapse };
    } catch (e) {
      return { status: 422, message: `Failed to parse response: ${e.message}`, synapse: null };
    }
  }
}

export function randomPair(sr25519PairFromSeed) { return sr25519PairFromSeed(randomBytes(32)); }
