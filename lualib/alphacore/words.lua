-- Ordinary words (6+ letters, no digits) that can appear in AlphaCore prompts and are never resource names.
-- Seeded from the generator's own vocabulary (shared/data/generated-tasks.jsonl) plus the paraphrases an LLM
-- rewrite uses (spec §3.6-3.7). Generated names are random [a-z0-9] strings; one made only of letters is
-- accepted when it is not in this list.
local list = [[
access adding allowing archive artifact attach before bespoke beyond bucket bundle compute concrete config
configs configuration conservative containing content create creation custom deadline dedicated default deliver
deployment described destroy direction disabled discarding domain duration engine ensure equals exactly
expiration explicit extras firewall following format google gserviceaccount include inside instead internal
isolated launch lightweight location machine managed matches message messages metadata minimal network
networked networks nprintf object optional package packages plaintext please predictable prefer prioritize
priority privilege protocol provision pubsub region regional registry repository request requested resources
restrict retain retaining retains retention sandbox script seconds simple single staging starts startup
storage submission submit subnet subnetwork subnetworks subscription surface teammate terraform tfstate
tokenised upload validation verify viewer virtual
acked acknowledge acknowledgement account accounts active additional address allow allowed alongside already
anything append applied approach around assign assigned attached attaching automatic automatically available
backend backing basically beginning begins behind bodies called carve carved change cheaper choose cidr
citizens class classes clause closed cloud coldline console container containers content contents context
copies correct create created creates creating current customer customers daily define defined delete
deploy deployed deploying design details directory disable discard display docker double during either
enable enabled enables ending endings ensure ensuring entire entries entry everything example exists expire
expires expiring extra files filled final finish folder format formats forward further gcloud github
given global handle handles having holds identical identifier images ingress inbound incoming initial
instance instances itself keeping labels later leave length letters listed literal little locate located
manage matching member members minimum minutes mirror modest modify monday needed nearline network number
numbers object objects option options outbound output packaged pattern permit pipefail places plain point
pointing policy ports prefix prefixed prefixes private project projects provide provided public python
random readable really record records regions rejects release remain remains rename replace required
require requires resource return reused reuse review rooted routes routing running second secure select
sending server service services setting settings should simply source specific specified specify stands
standard static storage string strings suffix suffixed system target template tenant through together
traffic tokens topics toward triggered unique update upload uploaded uploads values version versions
virtual volume whatever whether within without workload workloads writes writing written
attaches begins called ending holding inside naming prefix reference references referencing retained
retaining subscriptions topic topics zones zone region regions enabled disabled turned switched keeps
keep kept named called labelled labeled titled identified suffix suffixed ending terminating terminated
beginning starting prefixed leading trailing exact exactly precisely literally verbatim matching
provisioned provisions spin spinning stand standing setup deploy deploys create creates make makes
should would could another second third first single dedicated separate fresh brand simple small tiny
little internal external sandbox staging testing development production environment team teammate
project account service principal grant granting viewer access verify verifying deployment deployments
repository repositories package packages artifact artifacts registry registries docker python image
images bucket buckets object objects content contents plaintext uploaded upload uploads storage class
firewall firewalls ingress egress inbound allowing allows allow permit permits permitting protocol
network networks networking subnet subnets subnetwork subnetworks regional region range ranges address
addresses instance instances machine machines virtual compute engine server servers startup script
scripts shebang writes write writing echo printf bash token tokens marker
pubsub publish subscriber subscription subscriptions message messages retention retain retaining acked
acknowledged acknowledgement deadline deadlines expiration expire expires expiry policy policies
seconds second minutes minute hours hour days day managed domain domains record records public private
zipped archive archives bundle bundled terraform tfstate config configuration repository root folder
against across around before after during between inside outside without within toward towards beneath
please ensure make sure there their these those other others another which while where when whose
always never should would could might maybe using based around across values value field fields
hosting hosted finally lastly listening listens carving carves admitting admits opening opens serving serves
holding storing stored keeping retaining running launch launched writes written anywhere everywhere
]]

local M = {}
for w in list:gmatch("%a+") do M[w] = true end
return M
