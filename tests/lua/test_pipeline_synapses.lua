-- Synapse bodies checked against their fields before the handler (rt.synapses through rt.serve.dispatch), the
-- way the validator's pydantic models would, and the handler's answer checked the same way before it is sent.
local synapses = require "rt.synapses"
local serve = require "rt.serve"
local json = require "json"
local time = require "time"

local function info()
  local t = 12
  return { hotkey = "5Vali", timeout = t, deadline = time.mono() + t, body_hash = "" }
end

local function body(t) return assert(json.encode(t)) end

local function problems_of(name, t)
  local ok, problems = synapses.validate(t, synapses.fields_for(name))
  if ok then return nil end
  return table.concat(problems, "; ")
end

test("wrong types are refused per field; lax values are coerced like pydantic", function()
  expect.contains(problems_of("StartRoundSynapse", { timestamp = "abc" }), "timestamp: Input should be a valid integer")
  expect.contains(problems_of("TaskSynapse", { prompt = "x" }), "task_id: Field required")
  expect.contains(problems_of("TaskSynapse", { task_id = 5 }), "task_id: Input should be a valid string")
  expect.contains(problems_of("TaskSynapse", { task_id = "t", task_spec = json.null }), "task_spec: Input should not be None")
  expect.contains(problems_of("TaskSynapse", { task_id = "t", result_summary = json.array {} }),
    "result_summary: Input should be a valid dictionary")
  expect.contains(problems_of("TaskSynapse", { task_id = "t", workspace_zip_size_bytes = 1.5 }),
    "workspace_zip_size_bytes")
  expect.contains(problems_of("TaskFeedbackSynapse", { suggestions = { 1, 2 } }), "suggestions: item 0")
  expect.contains(problems_of("TaskFeedbackSynapse", { score = "high" }), "score: Input should be a valid number")
  expect.contains(problems_of("TaskFeedbackSynapse", { acknowledged = "maybe" }), "acknowledged")
  expect.contains(problems_of("TaskCleanupSynapse", { task_id = "t", validation_response = "{}" }),
    "validation_response: Input should be a valid dictionary")
  expect.contains(problems_of("TaskCleanupSynapse", {}), "task_id: Field required")
  -- base fields, on every synapse (also unknown ones)
  expect.contains(problems_of("Synapse", { timeout = "soon" }), "timeout")
  expect.contains(problems_of("EchoSynapse", { dendrite = { nonce = "x" } }), "dendrite.nonce")
  expect.contains(problems_of("EchoSynapse", { axon = "127.0.0.1" }), "axon: Input should be a valid dictionary")
  expect.contains(problems_of("EchoSynapse", { total_size = 1e400 }), "total_size")
  -- accepted, coerced
  local syn = { timestamp = "1773500000", is_ready = "true", available_capacity = 4.0, timeout = 90,
    dendrite = { nonce = "1773500000000000001", port = json.null }, extra = { anything = true } }
  expect.eq(problems_of("StartRoundSynapse", syn), nil)
  expect.eq(syn.timestamp, 1773500000)
  expect.eq(syn.is_ready, true)
  expect.eq(math.type(syn.available_capacity), "integer")
  expect.eq(math.type(syn.timeout), "float")
  expect.eq(syn.dendrite.nonce, 1773500000000000001)
  expect.eq(problems_of("TaskFeedbackSynapse", { suggestions = json.array {}, score = 0, miner_uid = "12" }), nil)
  expect.eq(problems_of("TaskSynapse", { task_id = "", prompt = json.null, task_spec = {} }), nil,
    "an empty id is a valid string; the solver refuses it")
end)

test("dispatch: a body that does not fit is answered 500 like upstream and never reaches the handler", function()
  local called = false
  local handler = function(syn) called = true return syn end
  local code, msg, out = serve.dispatch(handler, "StartRoundSynapse", body { timestamp = "abc", round_id = "r" }, info())
  expect.eq(code, 500)
  expect.truthy(msg:match("^Internal Server Error #%x+%-%x+%-4%x+%-[89ab]%x+%-%x+$"), msg)
  expect.same(json.decode(out), { message = msg })
  code = serve.dispatch(handler, "TaskSynapse", body { prompt = "make a bucket" }, info())
  expect.eq(code, 500, "a TaskSynapse without task_id")
  expect.falsy(called, "the handler never ran")
  local c2, _, out2 = serve.dispatch(handler, "StartRoundSynapse", body { timestamp = "123", round_id = "r" }, info())
  expect.eq(c2, 200)
  expect.truthy(called)
  expect.eq(json.decode(out2).timestamp, 123, "coerced like pydantic")
  expect.error(function() serve.dispatch(handler, "StartRoundSynapse", "[1,2]", info()) end, "not a JSON object")
end)

test("answers the validator's model would reject are found before sending", function()
  local ok, why = synapses.check_answer({ task_id = "t", workspace_zip_b64 = 5, result_summary = json.null,
    axon = {}, dendrite = {} }, synapses.fields_for("TaskSynapse"))
  expect.falsy(ok)
  why = table.concat(why, "; ")
  expect.contains(why, "workspace_zip_b64: Input should be a valid string")
  expect.contains(why, "result_summary: Input should not be None")
  ok, why = synapses.check_answer({ workspace_zip_b64 = "UEsD", axon = {}, dendrite = json.null },
    synapses.fields_for("TaskSynapse"))
  expect.falsy(ok)
  why = table.concat(why, "; ")
  expect.contains(why, "task_id: Field required")
  expect.contains(why, "dendrite: must be an object")
  local good = { task_id = "t", task_spec = {}, result_summary = { status = "success" }, evidence_hint = {},
    workspace_zip_b64 = "UEsD", workspace_zip_size_bytes = 3, notes = json.null, axon = {}, dendrite = {} }
  expect.truthy(synapses.check_answer(good, synapses.fields_for("TaskSynapse")))
  -- the answer is still sent (the log says why it will be dropped)
  local code, _, out = serve.dispatch(function(syn) syn.workspace_zip_b64 = 5 return syn end, "TaskSynapse",
    body { task_id = "t" }, info())
  expect.eq(code, 200)
  expect.eq(json.decode(out).workspace_zip_b64, 5)
end)
