-- `miner exec tests/js/score_state.lua STATE_FILE INVARIANTS_JSON_FILE`: prints the validator score as JSON.
local terraform = require "terraform"
local validate = require "alphacore.validate"
local json = require "json"
local fs = require "fs"
local state_file, inv_file = ...
local state = assert(terraform.parse_state(assert(fs.read(state_file))))
local score, passed, total, details = validate.score(state, assert(json.decode(assert(fs.read(inv_file)))))
print(json.encode { score = score, passed = passed, total = total, details = details })
return 0
