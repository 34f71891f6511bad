#!/usr/bin/env node
// Held-out corpus 5: hand-written prompts (one writer persona per case) + compact task definitions.
// Deterministic: no randomness at run time. Usage: node tests/corpus5/make.mjs  (writes holdout.jsonl next to this file,
// checks every case, exits 1 on any failure).
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// Compact task definitions. Rule letters: x = exact_match, s = starts_with, e = ends_with.
//   net [name, rule]                     sub [name, rule, region, cidr]        fw [name, rule, profile ssh|http|icmp]
//   vm  [name, rule, zone, machine, T]   (networked; T = startup template 1..3, token gets -net)
//   vmb [name, rule, zone, machine, T]   (basic VM, default network, bare token)
//   bkt [name, rule, LOCATION, CLASS]    obj [name, content]                   ar [id, rule, location, FORMAT]
//   top [name, rule, retention]          subs [name, rule, ack, retain, ttl]  dns [name, rule]
const DEFS = [
  {"id":"h01","fam":"bucket_with_object","tid":"d0207780-671a-4bd1-94de-87a2dc2bde81","nonce":"a6c1ede6619cb299","bkt":["xjw9rytyv7enqytfe","e","US-EAST1","NEARLINE"],"obj":["wcl3n6sj7yl0og8txt","yfpzd4hfk395s"]},
  {"id":"h02","fam":"network_plus_artifacts","tid":"23584573-1b70-4c3e-95d2-89640efb5639","nonce":"1c5811c062b742e4","net":["iswamqz5zz3","x"],"sub":["o2itd3cs6bijgqwc","s","europe-west1","10.195.137.0/24"],"fw":["kf6xeuzz7ur","s","ssh"],"vm":["fcy8wespv04zksgs6","x","europe-west1-d","e2-micro",3],"bkt":["v38gs6y3c01o3fbb7h","e","US-CENTRAL1","STANDARD"],"ar":["tdy6a0","e","us-east1","DOCKER"]},
  {"id":"h03","fam":"topic_with_subscription","tid":"6e6b1a68-3128-43d6-944b-fb9698c83c74","nonce":"3189e6f59c0514b4","bkt":["sar0nb3mgabhr2am4","e","US-WEST1","COLDLINE"],"top":["hqdan4mrqzu3","s","900s"],"subs":["wy3lwdhsokjnu71rf","e",20,false,"86400s"]},
  {"id":"h04","fam":"storage_delivery","tid":"e41b5c2b-a76a-446b-af2a-bba95c7b8af4","nonce":"833b9b43b5c09284","bkt":["nqgd7421sk97","s","US-WEST1","STANDARD"],"ar":["v0pzwzpcnx0","s","europe-west1","DOCKER"],"top":["b1d4ynyhy08jw192vhva","x","1200s"]},
  {"id":"h05","fam":"dns_network_bridge","tid":"bf7b7b85-2200-4ab0-8562-290b760d0895","nonce":"4886ac0b7d0834b8","net":["dx1izz3xv76syr7u6","x"],"sub":["eol2awu4","x","us-east1","10.65.125.0/24"],"vm":["win3n4snhn","e","us-east1-c","e2-small",1],"bkt":["xhngp4vix708crcz1l","e","US-EAST1","NEARLINE"],"dns":["p4j4236d9jf3pd","e"]},
  {"id":"h06","fam":"dns_network_bridge","tid":"b478998a-65ea-456e-af47-1baeba271c08","nonce":"c512cc70229f3b26","net":["qrzozbyxowk9645dut","e"],"sub":["rgoixwgba5xc","x","us-east1","10.60.173.0/24"],"fw":["fnol9e89cyszxpxm","x","icmp"],"vm":["njurwu","s","us-east1-b","e2-micro",3],"bkt":["udi0lqi4qo67acxue2","s","US-CENTRAL1","COLDLINE"],"dns":["uwowa6","x"]},
  {"id":"h07","fam":"network_plus_artifacts","tid":"5ba1f7ee-ed66-4b82-a175-4d7640fff073","nonce":"4887159d314b1645","net":["llztzdk1n8w4s4","x"],"sub":["b2kjqwax4kwhki","x","europe-west1","10.168.25.0/24"],"fw":["fddrxuadztyye8a4s","e","http"],"vm":["jut3tj0xt6y9chn5","x","europe-west1-d","e2-micro",1],"bkt":["gm6bfkgukpcyytd7l","e","ASIA-SOUTHEAST1","STANDARD"],"ar":["h20zhcr3d2z34rm","s","us-central1","PYTHON"]},
  {"id":"h08","fam":"network_plus_storage","tid":"2653e3a2-0832-4436-914c-d04000955a81","nonce":"1e1eea6206d7a983","net":["ojrrvbx802ngs4lquy","s"],"sub":["zevna7jj61zy8","e","us-central1","10.105.83.0/24"],"fw":["qwcve3vt28nim","e","icmp"],"vm":["z00lux2934em","x","us-central1-a","e2-medium",3],"bkt":["g21361qeqtxds3","e","US-EAST1","STANDARD"],"ar":["xo8ps9","s","us-east1","PYTHON"]},
  {"id":"h09","fam":"network_without_instance","tid":"6d75c2c5-0aec-41fc-bd09-93792a0cadc8","nonce":"38e8971d39ea2e82","net":["v08w26hzdt","e"],"sub":["hrq0b1sbolccpki","x","europe-west1","10.14.88.0/24"],"fw":["d06ehjeri5kv7x4s","e","ssh"]},
  {"id":"h10","fam":"storage_with_pubsub","tid":"f975dc34-3c65-4420-aced-ee6d608ca78e","nonce":"ee96848567216ea4","bkt":["mt9rf902luz5u41y0sg","e","EUROPE-WEST1","STANDARD"],"obj":["gd2rxe5rohtxt","jovv0gypxpwuipcu"],"ar":["ubegzgbc8dyzfosg","e","us-east1","DOCKER"],"top":["a50myyozc995tws8c","e","900s"]},
  {"id":"h11","fam":"network_without_instance","tid":"6e82e7b8-7cf8-4190-be2c-a44e90dfdc03","nonce":"861cbbdff5d47b71","net":["m5ckrqo5fpe17th","x"],"sub":["ey8hwquluqw7","x","us-central1","10.53.223.0/24"],"fw":["qeaolkt","e","http"]},
  {"id":"h12","fam":"bucket_with_object","tid":"3c8a01da-d15b-4ad0-916b-1e703e65921e","nonce":"18234686fc1aad18","bkt":["sfpt5ypjubdzwf","e","EUROPE-WEST1","NEARLINE"],"obj":["bvklgiwguutiztxt","vw4c9oszreaujvm439"]},
  {"id":"h13","fam":"network_stack","tid":"8799bb69-7cf0-41a9-8cd3-6c8139e041c6","nonce":"ab9125fa16c20efc","net":["t5d8c0zcn7u87ac","s"],"sub":["qysanebw5ue5e595dy","s","us-east1","10.121.190.0/24"],"fw":["sh689pfcasve7","s","icmp"],"vm":["h7rx3y6jz4rkg","s","us-east1-b","e2-medium",3]},
  {"id":"h14","fam":"artifact_delivery","tid":"1212ce83-fd56-4f94-bbfa-f4caf3fe2f8d","nonce":"4e5143c9ea5a0339","ar":["lnzxm9sum380vi29u","e","us-central1","PYTHON"],"top":["el5pcc9oj6bvomq1nb3","e","600s"]},
  {"id":"h15","fam":"topic_with_subscription","tid":"cd1df2ea-db0f-4512-b52f-9ac1a2d14bb3","nonce":"ee69eca0b3748f2f","bkt":["sizfdgwhli8qp2nj7i","e","US-EAST1","STANDARD"],"top":["eh3r5rxvkgprk","s","600s"],"subs":["ksnoitte3qo","e",10,true,"259200s"]},
  {"id":"h16","fam":"dns_frontend","tid":"aaa99040-faf3-43f8-a0ff-4146ad7cdbbd","nonce":"7cad6a3ab53a59ad","bkt":["nrnu0h5rqd6nfukr0r","s","ASIA-SOUTHEAST1","NEARLINE"],"top":["thhf1ikg2tnwq1vkp1","e","1200s"],"dns":["jayt2ozecr","e"]},
  {"id":"h17","fam":"storage_with_pubsub","tid":"5d666185-cafa-4a11-996d-891eed5afd5e","nonce":"ed5ad9cda3c4079c","bkt":["eh1wqj6usi6v","s","US-WEST1","STANDARD"],"obj":["lyec3z3m17txt","09cc4fa1f199wwvg"],"ar":["lmh9zqe6llacs3sp","e","asia-southeast1","DOCKER"],"top":["nx9m5o50b4i","s","900s"]},
  {"id":"h18","fam":"dns_network_bridge","tid":"ad8c01ff-38ea-48ec-97e5-234e5a4dd271","nonce":"dd8efdf262730cd3","net":["a19z85l9yj","s"],"sub":["pnvfmgwas10qr","e","us-central1","10.117.82.0/24"],"fw":["u4wcvm4rhm","s","icmp"],"vm":["oaclejleum","x","us-central1-f","e2-small",2],"dns":["d9aint914fa","x"]},
  {"id":"h19","fam":"network_without_instance","tid":"a2f77583-a631-4425-8f91-dac51e50bad9","nonce":"43a9bb7aab2b6e7b","net":["wvysit8n63sdbtg8zs","e"],"sub":["umc0ucop4ipj","s","us-east1","10.151.134.0/24"],"fw":["wrpghp0ysbmh","x","http"]},
  {"id":"h20","fam":"dns_frontend","tid":"276a5602-e2b2-4da0-a35d-89c706800512","nonce":"0c002523dbe98941","bkt":["x7y8uh3ct828n","e","US-EAST1","NEARLINE"],"obj":["clx0rul7skdnwestxt","eieejou50knwp6q8"],"top":["tnmwhjuhp98w6b","s","900s"],"dns":["mtoe07l9wpdi","s"]},
  {"id":"h21","fam":"network_stack","tid":"47983f21-8982-4f9c-8d18-2f7001f914c9","nonce":"9db5b1eff368978a","net":["czdw91f4cyjf","x"],"sub":["f0thc3c","x","europe-west1","10.116.176.0/24"],"fw":["mh2qkw","x","http"],"vm":["iun96x","x","europe-west1-c","e2-small",1]},
  {"id":"h22","fam":"storage_with_pubsub","tid":"57f2b127-eebf-4bcb-92be-550952eb8558","nonce":"45341f2f5a100ac8","bkt":["bd07dmgrvbojmbi3v","s","US-EAST1","NEARLINE"],"obj":["r3gip4nujr953ntxt","fvbc4cjgefys5vd0c"],"top":["k7utp5fs","s","600s"]},
  {"id":"h23","fam":"storage_delivery","tid":"7cf23a72-5776-4730-bcdb-e35a31ad3728","nonce":"f6218d57e2d9f724","bkt":["jwnspl97s2pdoqomx9","e","EUROPE-WEST1","COLDLINE"],"ar":["jiy1tyod","e","europe-west1","DOCKER"],"top":["ppsq70nkda","x","1200s"]},
  {"id":"h24","fam":"network_plus_pubsub","tid":"29588f17-ff95-4f9c-a589-3ffcd330972f","nonce":"c327abe4ce15d575","net":["nqn68j168npyiof","e"],"sub":["ujtl7q","e","us-central1","10.159.157.0/24"],"fw":["t78grs2auldn2wqr7l","x","icmp"],"vm":["n14jqdrn3uj62pskl","e","us-central1-a","e2-micro",1],"bkt":["wsgoed6hkridg39incu","s","EUROPE-WEST1","COLDLINE"],"obj":["w5uog6l4mdrtxt","dfzwetbr84wzig6gdub"],"top":["p1hcof7k","s","1200s"]},
  {"id":"h25","fam":"storage_with_pubsub","tid":"87ad3c0f-ac6e-465e-afa7-3a8634b5a974","nonce":"97fb2b4092025a0a","bkt":["mpcistut8wp4yj7l","s","US-CENTRAL1","COLDLINE"],"obj":["qux4gfdl9ytxt","0hmtcy0tnycpu5"],"top":["qm4920utypslrmh90","x","1200s"]},
  {"id":"h26","fam":"network_plus_pubsub","tid":"92e1e627-3d66-421d-8c16-aeed89ff5f95","nonce":"e4bca376fff3b3e0","net":["mdbusf1axl0hlv2s","s"],"sub":["tgeaeqcrnzeuz5","s","us-central1","10.195.138.0/24"],"fw":["uyp3j9qk1","e","icmp"],"vm":["ebg3k9qz","s","us-central1-f","e2-micro",1],"bkt":["o086p2ccmmhqct","e","ASIA-SOUTHEAST1","NEARLINE"],"obj":["upy23v1jltxt","z0dbryhsak13ovkh2m"],"top":["abc35g6ux3ezy3jho6vg","x","900s"]},
  {"id":"h27","fam":"bucket_with_object","tid":"3e6d71aa-acc3-4a47-92d1-da5c2c02b608","nonce":"da192931e12fd157","bkt":["rjhb8s7sjf","s","US-WEST1","COLDLINE"],"obj":["efwu4i9n73bpzvtxt","3h2duvhvavkh"]},
  {"id":"h28","fam":"dns_network_bridge","tid":"a8559970-cb97-41b2-b207-c84e8df1581b","nonce":"36518a45e13d1f7a","net":["gx9qjrqpclv9y2","s"],"sub":["y69lpd21","e","europe-west1","10.198.191.0/24"],"vm":["a5wgquv","s","europe-west1-b","e2-micro",2],"bkt":["tuth82spk26rqztzs","s","ASIA-SOUTHEAST1","STANDARD"],"dns":["k3ep5vxis","x"]},
  {"id":"h29","fam":"topic_with_subscription","tid":"ef5ff351-4353-42bf-81ee-14784a9a84cf","nonce":"5ac34ce4bb5d66ca","top":["dzs0irl","s","900s"],"subs":["jps5xq5wvqv6z6c","e",30,true,"86400s"]},
  {"id":"h30","fam":"network_stack","tid":"0622c51b-967d-4b3d-b73c-91ca8e5cbcf2","nonce":"f84cf3e4e94f9b49","net":["fw2z7xatwz3vsgkp","x"],"sub":["p65vub34g73c5n8a4u","x","europe-west1","10.61.185.0/24"],"fw":["zyg8o175","x","http"],"vm":["kxnwve607fo3w6c3","x","europe-west1-d","e2-micro",3]},
  {"id":"h31","fam":"network_plus_pubsub","tid":"f0e75c4e-15ce-4253-8d02-0c4c5b82913c","nonce":"249a08d69f03269c","net":["kl63zy40zbxn7","s"],"sub":["taw194us0qg7sid","x","us-east1","10.165.130.0/24"],"fw":["efc04iy6nijzeq9","x","icmp"],"vm":["e2430xx417ajdyu7nc","e","us-east1-b","e2-small",1],"bkt":["zq8rlea3i06o","e","EUROPE-WEST1","NEARLINE"],"obj":["ta1ioqa66xtxt","z8xfskpne5j2lw"],"top":["osxtv1kl9mv18kv8","s","1200s"]},
  {"id":"h32","fam":"network_plus_pubsub","tid":"9bac316a-b04a-4679-994b-f8d93a3ea5c2","nonce":"2f5b9932be18a44d","net":["v770jjk","s"],"sub":["fxphtus","s","us-east1","10.171.210.0/24"],"fw":["rpysyzrpppwavc6","s","http"],"vm":["l01zf6wcptffmzzrs","e","us-east1-d","e2-micro",2],"bkt":["ucqzb0jxgaj","e","US-CENTRAL1","NEARLINE"],"obj":["pqm0rrsrugz6txt","65kousjwykij7rm30gj"],"top":["tyx5u2zw","e","900s"]},
  {"id":"h33","fam":"bucket_with_object","tid":"136857e3-38b6-4b5d-a0f5-95f613061f30","nonce":"565a9f60f69261a2","bkt":["e2g4yt5kydy4gr","s","US-EAST1","STANDARD"],"obj":["ch0lgra9txt","hn7oo75c8eqpa91wy"]},
  {"id":"h34","fam":"dns_frontend","tid":"06616d6c-0f69-4353-aaa6-b086068c7ce0","nonce":"9c30f819adfab9de","bkt":["dlg3zz12ldocdgl4x1","s","US-CENTRAL1","STANDARD"],"obj":["pc9aol77fvstxt","06dmwbagepcjne0s"],"top":["zz3cbs","s","900s"],"dns":["k1v6omq9fv","s"]},
  {"id":"h35","fam":"storage_delivery","tid":"370b246c-942e-4e69-ad11-eb70242d40e5","nonce":"e2e980f288b572cd","bkt":["k7zvym6vhp6uklzj","e","US-EAST1","STANDARD"],"ar":["p82okpcm69nb2","s","us-east1","DOCKER"],"top":["l6jncy2na2htb7vdv","s","600s"]},
  {"id":"h36","fam":"topic_with_subscription","tid":"9ba34ef7-ca80-4ad3-a96c-b6fd84eb93a5","nonce":"e8e0ca537ecd9aea","bkt":["t8hfwdyyaco9k80s7o6","s","EUROPE-WEST1","NEARLINE"],"top":["i2th8ylrxk","s","1200s"],"subs":["pk7p3c6a32pc415ausaw","x",20,true,"259200s"]},
  {"id":"h37","fam":"network_plus_storage","tid":"e25dcf3f-c15a-414b-9dd2-78452c79c77a","nonce":"97d0d5932e03cc59","net":["glfnj7uaaj3ey2i8gx","e"],"sub":["mkm3sssrkr","x","us-central1","10.64.136.0/24"],"fw":["iqopp7t","x","icmp"],"vm":["fbpfvvdapnww","x","us-central1-b","e2-medium",3],"bkt":["epc6pez1fp3","e","US-EAST1","STANDARD"],"obj":["rpla1ge0t5npfwetxt","0mib1epkp7yueez5g"],"ar":["mmga93fugcm9w","e","us-east1","PYTHON"]},
  {"id":"h38","fam":"dns_frontend","tid":"63647118-ed22-44d4-b2a0-5037d2a21d47","nonce":"e0c998c618d90500","bkt":["xuzwywzza1281z8m7ki9","s","US-EAST1","COLDLINE"],"obj":["svjr5fa1x277znjtxt","r1w0rzqfdj88wt98"],"top":["v0rxxa7hg","x","600s"],"dns":["ud2caeq2ib","s"]},
  {"id":"h39","fam":"dns_frontend","tid":"cf196dab-0cf2-4d4b-a55a-637c8791196a","nonce":"7461b517acde45ef","bkt":["r8waanp1sys","s","ASIA-SOUTHEAST1","STANDARD"],"top":["qcmsnhe14z15wl49j","s","900s"],"dns":["zeq5csojx1o","e"]},
  {"id":"h40","fam":"bucket_with_object","tid":"5b503795-77ab-44c4-aa34-45e3540d2b3d","nonce":"c161ebd2408dbffd","bkt":["aecs6g12y52n","e","US-EAST1","STANDARD"],"obj":["ih2zcwm0bfbtxt","3ukc6d76jnlan6n6s"]},
  {"id":"h41","fam":"dns_network_bridge","tid":"c1b1d3a6-4a75-4bf9-9b11-29b5fc6bdf27","nonce":"9b8bd0ee54223fb5","net":["npocf1oyubs","e"],"sub":["kxfl8c5sws","x","us-central1","10.41.83.0/24"],"vm":["lnsf0m3","e","us-central1-a","e2-small",2],"bkt":["ehoo2yvyo7ys0","s","ASIA-SOUTHEAST1","STANDARD"],"dns":["jp42k3m5","e"]},
  {"id":"h42","fam":"network_plus_artifacts","tid":"39fe2ac1-6c4a-42e3-8699-eb9442915016","nonce":"a47735fab23f6046","net":["zhp1o4a08i","e"],"sub":["yscor5uiqcry928","e","us-central1","10.14.162.0/24"],"fw":["a7bbj5l33","x","http"],"vm":["o6j8xb2zekv","e","us-central1-c","e2-micro",2],"bkt":["vsxmpcyndudgfpbd5g","s","ASIA-SOUTHEAST1","COLDLINE"],"obj":["jpmki4fj8p2xymntxt","6xjah3zzrdol"],"ar":["ib8qcqrdzqrlx8cpbr","e","us-west1","DOCKER"]},
  {"id":"h43","fam":"network_plus_storage","tid":"6ff53273-8ff2-4358-9dfe-88a69fdc165c","nonce":"83611190f09e6aec","net":["ezcb6lgtc3b0ig","e"],"sub":["dactnj","s","europe-west1","10.110.152.0/24"],"fw":["cw2ggxqnlssfxtw","e","ssh"],"vm":["pbrc8i","s","europe-west1-b","e2-medium",1],"bkt":["a2m5bsvmk0p","e","US-WEST1","COLDLINE"],"obj":["y0f8f75addzg3ktutxt","ifw01ot58bwa"],"ar":["nqmxxhuahb","s","us-central1","PYTHON"]},
  {"id":"h44","fam":"artifact_delivery","tid":"5f55f669-bcc0-4718-bd6b-130c7435d8cb","nonce":"d12e1a4efdcd4a38","ar":["o34m38l3007dt31","e","us-west1","PYTHON"],"top":["bo1qm7qy5w0jcp","x","1200s"]},
  {"id":"h45","fam":"network_plus_artifacts","tid":"e8194903-a7b3-4571-84b6-d4e134279ca1","nonce":"6dcc0bcf6a99e861","net":["chpcrh2","s"],"sub":["outc49","s","europe-west1","10.127.229.0/24"],"fw":["nvgj33trkemit3m","x","http"],"vm":["m90fk51y16qpytxv","e","europe-west1-c","e2-small",3],"bkt":["p5kqb5gm7kkt5au6","s","US-CENTRAL1","COLDLINE"],"ar":["pdkn3hp","s","europe-west1","DOCKER"]},
  {"id":"h46","fam":"network_without_instance","tid":"cd7c4b34-cd0c-497b-92ce-244c75217897","nonce":"7faa9f38197708bc","net":["fj6j0nf3","x"],"sub":["imqnizs6","e","europe-west1","10.168.153.0/24"],"fw":["us9mb6prnwr","s","http"]},
  {"id":"h47","fam":"topic_with_subscription","tid":"f4921987-b412-4e64-82e2-977b83bd0400","nonce":"5bf36367db3eef3b","bkt":["h6pk8vv38m3iadsst","s","EUROPE-WEST1","COLDLINE"],"top":["z4x0lk213","s","1200s"],"subs":["eyet6a57gr20t","s",20,true,"172800s"]},
  {"id":"h48","fam":"network_plus_artifacts","tid":"ce42a17a-0196-4d39-95f0-77aab0ce8100","nonce":"541fe60ced3e2221","net":["gut29nc4du","e"],"sub":["dej6199f6p11oy4gl","x","us-east1","10.28.144.0/24"],"fw":["wr8oi6impb3db","x","http"],"vm":["jlwzq733kqo0xmkkj4","s","us-east1-d","e2-small",3],"bkt":["nyswj72mgfnsrcuzqe2","e","EUROPE-WEST1","STANDARD"],"ar":["pmbejwk31sv","e","us-central1","PYTHON"]},
  {"id":"h49","fam":"storage_delivery","tid":"9ff78f65-7c8b-40b5-976f-c3d64b0c5586","nonce":"a6a19bae090e4aaa","bkt":["je3wxeudqpc","s","US-WEST1","NEARLINE"],"top":["a6jygaxmpc7cpmh6","e","600s"]},
  {"id":"h50","fam":"artifact_delivery","tid":"7bb2e098-bc01-48b8-9c57-e79a0b20af93","nonce":"d47adbc0b214bcb4","bkt":["i1j30r8lo1rebi5","e","US-CENTRAL1","NEARLINE"],"obj":["mbvhmppsqa9otxt","ynjeg9oy4sh8d"],"ar":["rlwtrtkltuwastyf","s","us-east1","DOCKER"]},
  {"id":"h51","fam":"storage_delivery","tid":"ee099e24-4960-47b0-ac8c-ea63f98c46f3","nonce":"6599d97c959ea570","bkt":["vkk6y7vwd8pav5hjl","s","US-CENTRAL1","COLDLINE"],"ar":["cpx8taup7wd92egcxs","s","us-east1","DOCKER"],"top":["a5657tp0u","e","600s"]},
  {"id":"h52","fam":"artifact_delivery","tid":"49439679-0ab4-42b5-8d8d-92d78b93211f","nonce":"5a0ebbdc6013caa8","ar":["k161gfrdzo","e","europe-west1","DOCKER"],"top":["fyryyt65tv4zpzfzp","x","900s"]},
  {"id":"h53","fam":"network_plus_pubsub","tid":"0a684c24-9575-4e9d-8758-026b5e498771","nonce":"d4fabd33fd6090f3","net":["afefqrtc","s"],"sub":["epwvh55xy3","x","us-east1","10.171.118.0/24"],"fw":["fjq9s49l0iw7hgim","e","ssh"],"vm":["j4315klg3jq5","e","us-east1-b","e2-micro",3],"bkt":["cl8ji0ec3pxv38rk9","s","ASIA-SOUTHEAST1","STANDARD"],"obj":["b72pftwbd51txt","vs2v7zuqap8oyr066kz"],"top":["dof2dj2","e","600s"]},
  {"id":"h54","fam":"network_plus_storage","tid":"cdd6076f-914c-45c6-bc46-4e9cf3ed7cb6","nonce":"fae55d4b682567a7","net":["g9m5diw","e"],"sub":["lsswcpegf1nivse5","s","us-central1","10.75.78.0/24"],"fw":["w8yidt9d0mp","e","icmp"],"vm":["e0fv073svq","e","us-central1-f","e2-micro",2],"bkt":["wk2xoc2jaebiqwzxh3","s","US-CENTRAL1","STANDARD"],"ar":["m4xti953pbfhxc4d0","s","us-east1","DOCKER"]},
  {"id":"h55","fam":"network_stack","tid":"9bcd33e1-4847-4a64-a91d-fff50a6a0530","nonce":"1837d7c2eb0f8f9f","net":["nmyxztzhy1pwz1268","x"],"sub":["w4d85kanu","x","us-central1","10.163.238.0/24"],"fw":["igoyxx1ke09p4s","e","icmp"],"vm":["v9obao","e","us-central1-c","e2-small",1]},
  {"id":"h56","fam":"artifact_delivery","tid":"060610c0-25bf-415c-be19-948ba488386c","nonce":"3e6111a682a66c4d","bkt":["lxjld7hb5yh3ij","e","ASIA-SOUTHEAST1","COLDLINE"],"obj":["dkd43p0u3dm0jtfptxt","hnmkyzuxy8it5bnlp"],"ar":["gqbgxwgs9gzw26","e","us-east1","PYTHON"]},
  {"id":"h57","fam":"topic_with_subscription","tid":"444893b6-b92d-473e-8a48-f8808db35455","nonce":"d67e1d0944c8deec","bkt":["b1ijkf7se0r6do","e","US-WEST1","COLDLINE"],"top":["qw924j7r6th5djud","s","900s"],"subs":["rxd0e72tnmnaebcuyz7v","s",60,false,"86400s"]},
  {"id":"h58","fam":"network_without_instance","tid":"70f7ee00-b009-44e5-a0e3-91f19b920404","nonce":"610e9fea3ce3e6c6","net":["r662f3w5m5hm3","e"],"sub":["q1vvgles7p","x","us-east1","10.166.35.0/24"],"fw":["v09pqnv1","s","ssh"],"vmb":["q0xq7m6vvqnu","e","us-east1-d","e2-micro",1]},
  {"id":"h59","fam":"network_stack","tid":"0ce7973b-44c7-407d-9b42-fc3f67a23cec","nonce":"5cf927821272bd36","net":["z1jivvwez63hg","x"],"sub":["zbp3gt0","e","us-east1","10.111.150.0/24"],"fw":["r613mrx5d59dc","e","icmp"],"vm":["qlv0z1davsy8d","s","us-east1-b","e2-medium",1]},
  {"id":"h60","fam":"network_stack","tid":"d69f5f4a-a2b1-46d6-a18e-3898cda357aa","nonce":"407368d30ef62d9b","net":["h1u0vnp","s"],"sub":["knw2grxu6","s","us-central1","10.103.153.0/24"],"fw":["idns1d20xvylp1740","s","icmp"],"vm":["ub82cavljkan4cs","e","us-central1-c","e2-micro",3]},
  {"id":"h61","fam":"storage_with_pubsub","tid":"364c8663-a294-4925-a318-f65435dace28","nonce":"c5c375b040e6742b","bkt":["ctnc8j00grl451o","e","US-WEST1","COLDLINE"],"ar":["i1a5onybxr4bfe9v","e","asia-southeast1","PYTHON"],"top":["uhm7ysn6z1o1fe","x","900s"]},
  {"id":"h62","fam":"network_plus_storage","tid":"a14972f2-d63e-4e49-8dd3-22350075f9ea","nonce":"0702496cdfeff064","net":["u7472tsofck9fwifr5","x"],"sub":["jcoush6wwqtzl9oe8","s","us-central1","10.173.20.0/24"],"fw":["jujrgiy9brp3q","x","icmp"],"vm":["aujhce39jm","e","us-central1-c","e2-small",1],"bkt":["qmccqu94nqfs8o4ie73h","e","EUROPE-WEST1","STANDARD"],"obj":["z5nt5ug4o2llvtxt","n2ht4xnf9nmw"],"ar":["r93zr11c8breqofo","s","europe-west1","DOCKER"]},
];
// Engine: builds invariants from compact DEFS and checks each hand-written prompt.
const RULE = { x: 'exact_match', s: 'starts_with', e: 'ends_with' };
const SCRIPT = {
  1: (t) => `#!/bin/bash\nset -euo pipefail\necho '${t}' > /var/tmp/acore-token\n`,
  2: (t) => `#!/bin/bash\nprintf '${t}' > /var/tmp/acore-token\n`,
  3: (t) => `#!/bin/bash\n/usr/bin/env echo '${t}' > /var/tmp/acore-token\n`,
};
const SCRIPT_MARK = { 1: 'set -euo pipefail', 2: 'printf', 3: '/usr/bin/env echo' };
const FW = { ssh: [1000, 'tcp', '22'], http: [1001, 'tcp', '80'], icmp: [1002, 'icmp', null] };
const FAMILIES = {
  network_stack: [['net', 'sub', 'fw', 'vm'], [], 0, 0],
  network_without_instance: [['net', 'sub', 'fw'], ['vmb'], 0, 1],
  storage_delivery: [['bkt'], ['ar', 'top'], 1, 2],
  artifact_delivery: [['ar'], ['bkt', 'top', 'obj'], 1, 3],
  bucket_with_object: [['bkt', 'obj'], ['top'], 0, 1],
  network_plus_storage: [['net', 'sub', 'fw', 'vm', 'bkt'], ['obj', 'ar'], 1, 2],
  network_plus_artifacts: [['net', 'sub', 'fw', 'vm', 'ar'], ['bkt', 'obj'], 1, 1],
  network_plus_pubsub: [['net', 'sub', 'fw', 'vm', 'top'], ['bkt', 'obj'], 0, 2],
  storage_with_pubsub: [['bkt', 'top'], ['ar', 'obj'], 1, 2],
  dns_frontend: [['dns', 'bkt'], ['obj', 'top'], 1, 2],
  dns_network_bridge: [['dns', 'net', 'sub', 'vm'], ['fw', 'bkt'], 1, 2],
  topic_with_subscription: [['top', 'subs'], ['bkt'], 0, 2],
};
const ORDER = ['net', 'sub', 'fw', 'vm', 'vmb', 'bkt', 'obj', 'ar', 'top', 'subs', 'dns'];
const NAME_FIELDS = ['values.name', 'values.repository_id', 'values.secret_id', 'values.service_account_id'];

function token(d, net) { return `${d.tid.slice(0, 6)}-${d.nonce.slice(0, 6)}${net ? '-net' : ''}`; }

function buildInvariants(d) {
  const inv = [];
  const add = (resource_type, match, rule) => {
    const nf = NAME_FIELDS.find((f) => f in match);
    inv.push({ resource_type, match, comparison_rule: { [nf]: RULE[rule] } });
  };
  for (const k of ORDER) {
    const v = d[k];
    if (!v) continue;
    switch (k) {
      case 'net': add('google_compute_network', { 'values.name': v[0], 'values.auto_create_subnetworks': false }, v[1]); break;
      case 'sub': add('google_compute_subnetwork', { 'values.name': v[0], 'values.network': d.net[0], 'values.region': v[2], 'values.ip_cidr_range': v[3] }, v[1]); break;
      case 'fw': {
        const [prio, proto, port] = FW[v[2]];
        const m = { 'values.name': v[0], 'values.network': d.net[0], 'values.direction': 'INGRESS', 'values.priority': prio, 'values.disabled': false, 'values.allow.0.protocol': proto };
        if (port) m['values.allow.0.ports.0'] = port;
        add('google_compute_firewall', m, v[1]); break;
      }
      case 'vm': add('google_compute_instance', { 'values.name': v[0], 'values.zone': v[2], 'values.machine_type': v[3], 'values.network_interface.0.subnetwork': d.sub[0], 'values.metadata_startup_script': SCRIPT[v[4]](token(d, true)) }, v[1]); break;
      case 'vmb': add('google_compute_instance', { 'values.name': v[0], 'values.zone': v[2], 'values.machine_type': v[3], 'values.metadata_startup_script': SCRIPT[v[4]](token(d, false)) }, v[1]); break;
      case 'bkt': add('google_storage_bucket', { 'values.name': v[0], 'values.location': v[2], 'values.storage_class': v[3] }, v[1]); break;
      case 'obj': add('google_storage_bucket_object', { 'values.name': v[0], 'values.bucket': d.bkt[0], 'values.content_type': 'text/plain', 'values.content': v[1] }, 'x'); break;
      case 'ar': add('google_artifact_registry_repository', { 'values.repository_id': v[0], 'values.location': v[2], 'values.format': v[3] }, v[1]); break;
      case 'top': add('google_pubsub_topic', { 'values.name': v[0], 'values.message_retention_duration': v[2] }, v[1]); break;
      case 'subs': add('google_pubsub_subscription', { 'values.name': v[0], 'values.topic': d.top[0], 'values.ack_deadline_seconds': v[2], 'values.retain_acked_messages': v[3], 'values.expiration_policy.0.ttl': v[4] }, v[1]); break;
      case 'dns': add('google_dns_managed_zone', { 'values.name': v[0], 'values.dns_name': `${v[0]}.acore.example.` }, v[1]); break;
    }
  }
  // Rule propagation (spec 3.5): fields equal to a starts_with/ends_with token inherit that rule.
  const flex = new Map();
  for (const i of inv) for (const [f, r] of Object.entries(i.comparison_rule)) if (r !== 'exact_match') flex.set(i.match[f], r);
  for (const i of inv) for (const [f, val] of Object.entries(i.match)) {
    if (f in i.comparison_rule || typeof val !== 'string') continue;
    if (flex.has(val)) i.comparison_rule[f] = flex.get(val);
  }
  return inv;
}

// ---------------------------------------------------------------- checks
const GRANT = 'Grant alphacore-validator@alphacore-478113.iam.gserviceaccount.com viewer access so they can verify the deployment.';
const SUBMIT = [
  'Submit a single zip archive of the repository; keep the Terraform config at the repository root and include terraform.tfstate at the repository root.',
  'Bundle the repository into one zip archive for submission; keep Terraform at the repository root and include terraform.tfstate at the repository root.',
  'Deliver one zip archive containing the repository with the Terraform config at the repository root and terraform.tfstate at the repository root.',
];
const WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty'];
const START_KW = /\b(start|starts|starting|begin|begins|beginning|prefix|prefixed|leading|lead)\b/;
const END_KW = /\b(end|ends|ending|suffix|suffixed|trailing)\b/;
const count = (hay, needle) => hay.split(needle).length - 1;
const norm = (s) => s.toLowerCase().replace(/[^a-z0-9]/g, '');

function checkCase(d, styles, prompt, inv) {
  const errs = [];
  const low = prompt.toLowerCase();
  if (!/^[\x20-\x7e]*$/.test(prompt)) errs.push('non-ASCII or control/newline character');
  if (/[`*]|^\s*(-|\d+\.)\s/.test(prompt)) errs.push('markdown');
  const words = prompt.trim().split(/\s+/).length;
  if (words >= 220) errs.push(`too long: ${words} words`);
  if (count(prompt, GRANT) !== 1) errs.push('grant sentence must appear exactly once');
  if (SUBMIT.reduce((a, s) => a + count(prompt, s), 0) !== 1) errs.push('exactly one submission sentence required');
  if (!/\b(gcp|google cloud)\b/.test(low)) errs.push('provider mention missing');
  if (/\b(readme|prerequisites?|documentation|tutorials?|guides?|walkthroughs?)\b/.test(low)) errs.push('banned word');
  if (!/^h\d\d$/.test(d.id) || !/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(d.tid) || !/^[0-9a-f]{16}$/.test(d.nonce)) errs.push('bad ids');
  // family composition
  const [man, opt, lo, hi] = FAMILIES[d.fam];
  const keys = ORDER.filter((k) => d[k]);
  for (const k of man) if (!d[k]) errs.push(`family ${d.fam} missing ${k}`);
  const optCount = opt.filter((k) => d[k] && !(k === 'bkt' && d.obj && !man.includes('bkt'))).length;
  const extra = keys.filter((k) => !man.includes(k) && !opt.includes(k));
  if (extra.length) errs.push(`keys not allowed in family: ${extra}`);
  if (optCount < lo || optCount > hi) errs.push(`optional count ${optCount} outside ${lo}..${hi}`);
  // values
  const boundaries = [];
  for (const i of inv) for (const [f, val] of Object.entries(i.match)) {
    if (f === 'values.metadata_startup_script') {
      const t = val.match(/'([^']+)'/)[1];
      if (!low.includes(t)) errs.push(`script token ${t} missing`);
      if (/-net$/.test(t) !== (i.match['values.network_interface.0.subnetwork'] !== undefined)) errs.push('token suffix mismatch');
      const tpl = Object.keys(SCRIPT).find((n) => SCRIPT[n](t) === val);
      const stated = low.includes(SCRIPT_MARK[tpl]) && low.includes('/var/tmp/acore-token');
      const unstated = styles.includes('script-template-unstated');
      if (unstated && Object.values(SCRIPT_MARK).some((m) => low.includes(m))) errs.push('template tagged unstated but a template is named');
      if (!unstated && !stated) errs.push(`script template T${tpl} not stated`);
      if (!low.includes('/var/tmp/acore-token')) errs.push('script target path missing');
      continue;
    }
    if (f === 'values.content_type') continue; // not guaranteed by the pipeline
    if (typeof val === 'boolean') {
      const re = f.endsWith('retain_acked_messages') ? /\b(true|false|yes|no|enabled|disabled|on|off|keep|kept|discard|discarded)\b/ : /\b(true|false|yes|no|enabled|disabled|on|off)\b/;
      if (!re.test(low)) errs.push(`bool ${f} has no boolean word`);
      continue;
    }
    if (typeof val === 'number') {
      const ok = new RegExp(`\\b${val}\\b`).test(low) || (val <= 20 && new RegExp(`\\b${WORDS[val]}\\b(?!-)`).test(low));
      if (!ok) errs.push(`int ${f}=${val} missing`);
      continue;
    }
    const v = val.toLowerCase();
    if (!low.includes(v) && !norm(prompt).includes(norm(v))) errs.push(`value ${f}=${val} missing`);
    boundaries.push(v.replace(/\.$/, ''));
  }
  // qualifier wording next to each rule-bearing name token
  const qskip = new Set(d.qskip || []);
  for (const i of inv) {
    const nf = NAME_FIELDS.find((f) => f in i.match);
    const tok = i.match[nf].toLowerCase();
    const rule = i.comparison_rule[nf];
    if (qskip.has(tok)) continue;
    // starts/ends: at least one mention carries the right qualifier and no mention carries the opposite one;
    // exact: no mention carries any prefix/suffix qualifier.
    let good = false;
    let bad = false;
    for (let at = low.indexOf(tok); at >= 0; at = low.indexOf(tok, at + 1)) {
      let prevEnd = 0;
      for (const b of boundaries) {
        if (b === tok || b.includes(tok)) continue;
        for (let j = low.indexOf(b); j >= 0 && j < at; j = low.indexOf(b, j + 1)) if (j + b.length <= at) prevEnd = Math.max(prevEnd, j + b.length);
      }
      const pre = low.slice(Math.max(prevEnd, at - 90), at);
      const near = low.slice(Math.max(prevEnd, at - 45), at);
      const post = low.slice(at + tok.length, at + tok.length + 40);
      const pf = /^\W*(?:(?:as|is|will be|should be)\s+)?(?:the|a|its)?\s*(prefix|suffix|leading part|trailing part)/.exec(post);
      const postS = pf && /prefix|leading/.test(pf[1]);
      const postE = pf && /suffix|trailing/.test(pf[1]);
      if (rule === 'starts_with') {
        if ((START_KW.test(pre) && !END_KW.test(pre)) || postS) good = true;
        if ((END_KW.test(near) && !START_KW.test(near)) || postE) bad = true;
      } else if (rule === 'ends_with') {
        if ((END_KW.test(pre) && !START_KW.test(pre)) || postE) good = true;
        if ((START_KW.test(near) && !END_KW.test(near)) || postS) bad = true;
      } else {
        good = true;
        if (START_KW.test(near) || END_KW.test(near) || pf) bad = true;
      }
    }
    const ok = good && !bad;
    if (!ok) errs.push(`qualifier wording for ${tok} does not read as ${rule}`);
  }
  return errs;
}
// Hand-written prompts. {G} = verbatim grant sentence, {S1}/{S2}/{S3} = the three verbatim submission sentences (spec 3.6).
const P = {
  h01: [['terse-sre'], "GCP ticket: need one bucket, name ends with xjw9rytyv7enqytfe, us-east1, nearline. Drop object wcl3n6sj7yl0og8txt in it, content yfpzd4hfk395s, text/plain. Nothing else. {G} {S1}"],
  h02: [['chatty-pm', 'bool-words-false'], "Hey team! So for the Google Cloud side of the pilot we need a little network plus somewhere to park images. Could you make a VPC called iswamqz5zz3 with auto-created subnetworks turned off (false)? Then a subnetwork whose name starts with o2itd3cs6bijgqwc over in europe-west1 using 10.195.137.0/24 on that VPC. We also want ssh in, so an ingress firewall rule whose name starts with kf6xeuzz7ur on iswamqz5zz3, priority 1000, tcp port 22, disabled false. The VM should be named fcy8wespv04zksgs6, e2-micro, zone europe-west1-d, sitting on that subnetwork, with startup script #!/bin/bash /usr/bin/env echo '235845-1c5811-net' > /var/tmp/acore-token. For storage, a standard bucket in us-central1 whose name ends with v38gs6y3c01o3fbb7h, and a docker Artifact Registry repo in us-east1 whose repository id ends with tdy6a0. Thanks a ton! {G} {S2}"],
  h03: [['formal-change-request', 'number-words', 'bool-discard', 'duration-words'], "Change request for Google Cloud: provision a Pub/Sub topic whose name begins with hqdan4mrqzu3 with a message retention duration of 900s (fifteen minutes); provision a subscription on that topic whose name ends with wy3lwdhsokjnu71rf, with an acknowledgement deadline of twenty seconds, acknowledged messages discarded rather than retained (retain acked messages: false), and an expiration policy TTL of 86400s, i.e. one day; and provision a coldline storage bucket in us-west1 whose name ends with sar0nb3mgabhr2am4. No other resources are in scope. {G} {S3}"],
  h04: [['respectively', 'duration-words'], "On Google Cloud we need a bucket and an Artifact Registry repository in us-west1 and europe-west1 respectively. The bucket name should start with nqgd7421sk97 and use the standard storage class; the repository id should start with v0pzwzpcnx0 and hold docker images. Add a Pub/Sub topic named b1d4ynyhy08jw192vhva keeping messages for 1200s (twenty minutes). {S1} {G}"],
  h05: [['reverse-dependency-order', 'script-template-unstated'], "Working backwards from what the app needs on Google Cloud: a DNS managed zone whose name ends with p4j4236d9jf3pd, with DNS name p4j4236d9jf3pd.acore.example. Next, a VM whose name ends with win3n4snhn, e2-small in us-east1-c, whose startup script just writes bf7b7b-4886ac-net into /var/tmp/acore-token; the VM lives on subnetwork eol2awu4 (us-east1, 10.65.125.0/24), which in turn belongs to a VPC named dx1izz3xv76syr7u6 with auto create subnetworks set to false. Also a nearline bucket in us-east1 whose name ends with xhngp4vix708crcz1l. {G} {S2}"],
  h06: [['parens-colons'], "Google Cloud build (network + DNS + storage): VPC: name ends with qrzozbyxowk9645dut (auto create subnetworks: false). Subnetwork: rgoixwgba5xc (region: us-east1; range: 10.60.173.0/24; network: the VPC above). Firewall: fnol9e89cyszxpxm (direction: ingress; priority: 1002; protocol: icmp; disabled: false; network: the VPC). VM: name starts with njurwu (zone: us-east1-b; type: e2-micro; subnetwork: rgoixwgba5xc; startup script: #!/bin/bash /usr/bin/env echo 'b47899-c512cc-net' > /var/tmp/acore-token). Bucket: name starts with udi0lqi4qo67acxue2 (location: us-central1; class: coldline). DNS zone: uwowa6 (dns name: uwowa6.acore.example.). {G} {S3}"],
  h07: [['story'], "We're launching a demo next week and the Google Cloud project is empty, so here's the plan. The demo app runs on a VM named jut3tj0xt6y9chn5 (e2-micro, europe-west1-d) whose startup script is #!/bin/bash set -euo pipefail echo '5ba1f7-488715-net' > /var/tmp/acore-token. It sits on subnetwork b2kjqwax4kwhki in europe-west1 with CIDR 10.168.25.0/24, which belongs to a custom VPC named llztzdk1n8w4s4 that does not auto create subnetworks (false). Visitors hit it over http, so add an ingress rule whose name ends with fddrxuadztyye8a4s allowing tcp on port 80 at priority 1001, not disabled. The Python wheels for the demo go in an Artifact Registry repository in us-central1 whose id begins with h20zhcr3d2z34rm, and the static assets in a standard bucket in asia-southeast1 whose name ends with gm6bfkgukpcyytd7l. {G} {S1}"],
  h08: [['checklist-prose', 'ordinal', 'bool-on-off'], "Checklist for the Google Cloud environment, written out: first, a VPC whose name starts with ojrrvbx802ngs4lquy, auto subnet creation off; second, a subnetwork in us-central1 whose name ends with zevna7jj61zy8, CIDR 10.105.83.0/24, attached to that VPC; third, an ingress firewall whose name ends with qwcve3vt28nim allowing icmp, priority 1002, disabled set to false; fourth, an e2-medium VM named z00lux2934em in us-central1-a on that subnetwork running #!/bin/bash /usr/bin/env echo '2653e3-1e1eea-net' > /var/tmp/acore-token at boot; fifth, a standard bucket in us-east1 whose name ends with g21361qeqtxds3; sixth, a python Artifact Registry repository in us-east1 whose repository id starts with xo8ps9. {G} {S2}"],
  h09: [['terse-sre', 'quoted-names', 'grant-first'], "{G} GCP: VPC with name ending in \"v08w26hzdt\", auto_create_subnetworks=false. Subnet \"hrq0b1sbolccpki\", europe-west1, 10.14.88.0/24, on that VPC. FW rule name ending \"d06ehjeri5kv7x4s\": ingress, prio 1000, tcp:22, disabled=false. No VM. {S3}"],
  h10: [['restated-value', 'each', 'duration-words'], "For our Google Cloud analytics drop we need four things, and each name below is a suffix unless I say otherwise. A standard bucket in europe-west1 whose name ends with mt9rf902luz5u41y0sg. Inside it, an object named exactly gd2rxe5rohtxt containing jovv0gypxpwuipcu as plain text. A docker repository in Artifact Registry located in us-east1 whose repository id ends with ubegzgbc8dyzfosg. A Pub/Sub topic whose name ends with a50myyozc995tws8c, retaining messages for 900s, which is fifteen minutes, so 900 seconds. {G} {S1}"],
  h11: [['neither', 'bool-yes-no', 'no-extras'], "Google Cloud networking only, no virtual machines. Create VPC m5ckrqo5fpe17th; auto-create subnetworks: no. Add subnetwork ey8hwquluqw7 in us-central1 with 10.53.223.0/24 on m5ckrqo5fpe17th. Then an ingress firewall rule on the same network whose name ends with qeaolkt, allowing tcp port 80 with priority 1001; disabled: no. Neither the subnetwork nor the VPC name takes a prefix or suffix; use them exactly. {G} {S2}"],
  h12: [['former-latter'], "Two Google Cloud resources: a nearline storage bucket and a text object. The former lives in europe-west1 and its name ends with sfpt5ypjubdzwf; the latter is called bvklgiwguutiztxt, goes into that bucket, has content type text/plain and holds the string vw4c9oszreaujvm439. {G} {S3}"],
  h13: [['each', 'script-bang-stripped'], "In Google Cloud, set up a small network stack where each of the four names is a prefix: the VPC name starts with t5d8c0zcn7u87ac (auto create subnetworks false), the subnetwork name starts with qysanebw5ue5e595dy (us-east1, 10.121.190.0/24, on that VPC), the ingress firewall name starts with sh689pfcasve7 (icmp, priority 1002, disabled false) and the VM name starts with h7rx3y6jz4rkg (e2-medium, zone us-east1-b, attached to the subnetwork). The VM startup script is !/bin/bash /usr/bin/env echo '8799bb-ab9125-net' > /var/tmp/acore-token. {G} {S1}"],
  h14: [['chatty-pm', 'duration-words'], "Quick one for Google Cloud please: I need a Python package repository in Artifact Registry (us-central1) whose repository id ends with lnzxm9sum380vi29u, plus a Pub/Sub topic whose name ends with el5pcc9oj6bvomq1nb3 that hangs on to messages for ten minutes (600s). That's it, nothing fancy! {G} {S2}"],
  h15: [['number-words', 'bool-keep', 'duration-words'], "Google Cloud messaging setup: topic whose name begins with eh3r5rxvkgprk, retention 600s. Subscription to it whose name ends with ksnoitte3qo: ack deadline ten seconds, keep acknowledged messages (retain acked messages true), and let it expire after 259200s of inactivity, which is 72 hours. Also a standard bucket in us-east1 whose name ends with sizfdgwhli8qp2nj7i for exports. {G} {S3}"],
  h16: [['formal-change-request'], "Request for change, Google Cloud project: the following resources are to be provisioned. A Cloud DNS managed zone whose name shall end with jayt2ozecr and whose DNS name shall be jayt2ozecr.acore.example. A Cloud Storage bucket whose name shall start with nrnu0h5rqd6nfukr0r, located in asia-southeast1 with storage class nearline. A Pub/Sub topic whose name shall end with thhf1ikg2tnwq1vkp1, with a message retention duration of 1200s. {G} {S1}"],
  h17: [['second-one', 'ordinal'], "Three storage-ish pieces on Google Cloud. The first one is a standard bucket in us-west1 whose name starts with eh1wqj6usi6v, and it should contain an object called lyec3z3m17txt whose content is 09cc4fa1f199wwvg (text/plain). The second one is a docker repository in Artifact Registry, region asia-southeast1, with a repository id ending in lmh9zqe6llacs3sp. The third one is a Pub/Sub topic whose name starts with nx9m5o50b4i and retains messages for 900s. {G} {S2}"],
  h18: [['script-json-escaped', 'restated-value'], "Google Cloud request. VPC: name starts with a19z85l9yj and auto create subnetworks is false (no automatic subnets). Subnetwork in us-central1 whose name ends with pnvfmgwas10qr, ip cidr range 10.117.82.0/24, network a19z85l9yj. Firewall on that VPC whose name starts with u4wcvm4rhm: ingress, icmp, priority 1002, disabled false. VM oaclejleum, e2-small, us-central1-f, on the pnvfmgwas10qr subnetwork, metadata startup script \"#!/bin/bash\\nprintf 'ad8c01-dd8efd-net' > /var/tmp/acore-token\\n\". DNS managed zone d9aint914fa with dns name d9aint914fa.acore.example. {G} {S3}"],
  h19: [['parens-colons', 'bool-on-off'], "Plain Google Cloud network, no compute: VPC (name ends with wvysit8n63sdbtg8zs, auto subnetworks off), subnetwork (name starts with umc0ucop4ipj, us-east1, 10.151.134.0/24) and a firewall rule named wrpghp0ysbmh (ingress, tcp 80, priority 1001, disabled: off) on the VPC. {G} {S1}"],
  h20: [['story'], "Our marketing site launch on Google Cloud needs a home. First a DNS managed zone whose name starts with mtoe07l9wpdi and whose dns name is mtoe07l9wpdi.acore.example. Next comes a nearline bucket in us-east1 whose name ends with x7y8uh3ct828n, where we drop a placeholder object named clx0rul7skdnwestxt holding eieejou50knwp6q8. Finally, signups get published to a topic whose name starts with tnmwhjuhp98w6b with 900s message retention. {G} {S2}"],
  h21: [['terse-sre', 'quoted-names', 'grant-middle'], "GCP network stack. VPC 'czdw91f4cyjf' (auto create subnetworks false). Subnetwork 'f0thc3c' in europe-west1, 10.116.176.0/24. {G} Firewall 'mh2qkw': ingress tcp/80, priority 1001, disabled false. VM 'iun96x': e2-small, europe-west1-c, subnetwork 'f0thc3c', startup script #!/bin/bash set -euo pipefail echo '47983f-9db5b1-net' > /var/tmp/acore-token. {S3}"],
  h22: [['both'], "On Google Cloud, create a nearline bucket in us-east1 and a Pub/Sub topic; both names are prefixes. The bucket name starts with bd07dmgrvbojmbi3v and the topic name starts with k7utp5fs, with the topic keeping messages for 600s. Put an object named r3gip4nujr953ntxt with content fvbc4cjgefys5vd0c (text/plain) in the bucket. {G} {S1}"],
  h23: [['both', 'shared-location', 'duration-words'], "Everything lives in europe-west1 on Google Cloud: both the coldline bucket, whose name ends with jwnspl97s2pdoqomx9, and the docker Artifact Registry repository, whose id ends with jiy1tyod. Separately, a Pub/Sub topic called ppsq70nkda with message retention of 1200s (20 minutes). {G} {S2}"],
  h24: [['reverse-dependency-order'], "Google Cloud, listed from the top of the stack down. A VM whose name ends with n14jqdrn3uj62pskl (e2-micro, us-central1-a) boots with #!/bin/bash set -euo pipefail echo '29588f-c327ab-net' > /var/tmp/acore-token and is attached to the subnetwork whose name ends with ujtl7q. That subnetwork is in us-central1 with 10.159.157.0/24 and belongs to a VPC whose name ends with nqn68j168npyiof (auto create subnetworks false). The VPC gets an ingress firewall called t78grs2auldn2wqr7l allowing icmp at priority 1002, disabled false. Events go to a Pub/Sub topic whose name starts with p1hcof7k with 1200s retention. Reports are an object w5uog6l4mdrtxt with content dfzwetbr84wzig6gdub inside a coldline bucket in europe-west1 whose name starts with wsgoed6hkridg39incu. {G} {S3}"],
  h25: [['parens-colons', 'duration-words'], "Google Cloud request. Bucket: coldline, us-central1, name starting with mpcistut8wp4yj7l. Object: qux4gfdl9ytxt in that bucket, content 0hmtcy0tnycpu5, content type text/plain. Topic: qm4920utypslrmh90, message retention duration 1200s (twenty minutes). {G} {S1}"],
  h26: [['chatty-pm', 'script-template-unstated', 'bool-enabled-disabled'], "Hi! For the IoT proof of concept on Google Cloud I'd love a custom VPC whose name starts with mdbusf1axl0hlv2s (please keep automatic subnetworks disabled), a subnetwork in us-central1 whose name starts with tgeaeqcrnzeuz5 covering 10.195.138.0/24, and an ingress firewall whose name ends with uyp3j9qk1 that lets icmp through at priority 1002 (disabled false). The gateway VM should have a name starting with ebg3k9qz, run as e2-micro in us-central1-f on that subnetwork, and at boot write the token 92e1e6-e4bca3-net to /var/tmp/acore-token. Telemetry goes to a topic named abc35g6ux3ezy3jho6vg with 900s retention, and the firmware notes go in a nearline bucket in asia-southeast1 whose name ends with o086p2ccmmhqct as an object called upy23v1jltxt containing z0dbryhsak13ovkh2m. {G} {S2}"],
  h27: [['terse-sre'], "Google Cloud: coldline bucket, us-west1, name prefix rjhb8s7sjf. Object efwu4i9n73bpzvtxt, body 3h2duvhvavkh, text/plain. {G} {S3}"],
  h28: [['respectively'], "On Google Cloud I need a subnetwork and a bucket in europe-west1 and asia-southeast1 respectively. The subnetwork's name ends with y69lpd21, it uses 10.198.191.0/24 and it hangs off a VPC whose name starts with gx9qjrqpclv9y2 (auto create subnetworks false); the bucket is standard class and its name starts with tuth82spk26rqztzs. A VM with a name starting with a5wgquv runs on that subnetwork as e2-micro in europe-west1-b using #!/bin/bash printf 'a85599-36518a-net' > /var/tmp/acore-token as its startup script. Finally a DNS managed zone called k3ep5vxis whose dns name is k3ep5vxis.acore.example. {G} {S1}"],
  h29: [['story', 'duration-words'], "We're wiring up a notification fan-out on Google Cloud. Messages land on a topic whose name starts with dzs0irl and stay there for 900s. A worker pulls from a subscription on that topic whose name ends with jps5xq5wvqv6z6c; it gets 30 seconds to ack, acknowledged messages are retained (true), and the subscription expires after 86400s, one day, if idle. {G} {S2}"],
  h30: [['formal-change-request', 'generator-like-equals'], "Please deploy the following on Google Cloud. The compute network name equals fw2z7xatwz3vsgkp and auto create subnetworks equals false. The compute subnetwork name equals p65vub34g73c5n8a4u, region equals europe-west1, ip cidr range equals 10.61.185.0/24, network equals fw2z7xatwz3vsgkp. The compute firewall name equals zyg8o175, direction equals ingress, priority equals 1001, protocol equals tcp, ports equals 80, disabled equals false. The compute instance name equals kxnwve607fo3w6c3, zone equals europe-west1-d, machine type equals e2-micro, subnetwork equals p65vub34g73c5n8a4u, and metadata startup script equals #!/bin/bash /usr/bin/env echo '0622c5-f84cf3-net' > /var/tmp/acore-token. {G} {S3}"],
  h31: [['checklist-prose', 'number-words', 'ordinal'], "Google Cloud build, item by item. Item one: VPC, name beginning with kl63zy40zbxn7, no auto-created subnetworks (false). Item two: subnetwork taw194us0qg7sid, us-east1, 10.165.130.0/24. Item three: firewall efc04iy6nijzeq9, ingress icmp, priority 1002, disabled false. Item four: e2-small VM in us-east1-b, name ending with e2430xx417ajdyu7nc, on the item-two subnetwork, startup script #!/bin/bash set -euo pipefail echo 'f0e75c-249a08-net' > /var/tmp/acore-token. Item five: topic beginning with osxtv1kl9mv18kv8, 1200s retention. Item six: nearline bucket in europe-west1 with name ending in zq8rlea3i06o. Item seven: object ta1ioqa66xtxt in that bucket with content z8xfskpne5j2lw. {G} {S1}"],
  h32: [['each', 'parens-colons'], "Google Cloud setup where the network pieces each use a prefix: VPC (starts with v770jjk; auto create subnetworks false), subnetwork (starts with fxphtus; us-east1; 10.171.210.0/24), firewall (starts with rpysyzrpppwavc6; ingress tcp port 80; priority 1001; not disabled, i.e. false). The VM is different: its name ends with l01zf6wcptffmzzrs (e2-micro; us-east1-d; on the fxphtus subnetwork; startup script #!/bin/bash printf '9bac31-2f5b99-net' > /var/tmp/acore-token). The topic also uses a suffix: name ends with tyx5u2zw, retention 900s. Bucket: nearline, us-central1, name ends with ucqzb0jxgaj, holding object pqm0rrsrugz6txt with content 65kousjwykij7rm30gj. {G} {S2}"],
  h33: [['chatty-pm', 'quoted-names'], "Hiya, tiny Google Cloud favor: could you spin up a standard bucket in us-east1 with a name that starts with \"e2g4yt5kydy4gr\" and upload a file called \"ch0lgra9txt\" whose contents are \"hn7oo75c8eqpa91wy\"? Plain text is fine. {G} {S3}"],
  h34: [['restated-value', 'each'], "Google Cloud frontend bits. Every name here is a prefix, meaning the real name must start with the given token and be longer than it, except the object, which is exact. DNS managed zone: starts with k1v6omq9fv, dns name k1v6omq9fv.acore.example. Bucket: starts with dlg3zz12ldocdgl4x1, standard class, us-central1. Object: pc9aol77fvstxt with content 06dmwbagepcjne0s. Topic: starts with zz3cbs, 900s retention. {G} {S1}"],
  h35: [['both', 'shared-location', 'duration-words'], "For Google Cloud, a bucket and a docker repository both in us-east1: the bucket is standard storage with a name ending in k7zvym6vhp6uklzj, and the Artifact Registry repository id starts with p82okpcm69nb2. Also a topic whose name starts with l6jncy2na2htb7vdv retaining messages 600s, ten minutes. {G} {S2}"],
  h36: [['bool-enabled-disabled', 'duration-words'], "Google Cloud Pub/Sub work: a topic whose name starts with i2th8ylrxk with 1200s message retention, and a subscription named pk7p3c6a32pc415ausaw attached to it with a 20 second ack deadline, retain acked messages enabled, and expiration TTL 259200s (three days). Also a nearline europe-west1 bucket whose name starts with t8hfwdyyaco9k80s7o6. {G} {S3}"],
  h37: [['both', 'former-latter'], "Google Cloud environment with compute and storage. Networking: a VPC whose name ends with glfnj7uaaj3ey2i8gx (auto create subnetworks false), subnetwork mkm3sssrkr in us-central1 on 10.64.136.0/24, and firewall iqopp7t allowing ingress icmp at priority 1002, disabled false. Compute: VM fbpfvvdapnww, e2-medium, us-central1-b, on mkm3sssrkr, startup script #!/bin/bash /usr/bin/env echo 'e25dcf-97d0d5-net' > /var/tmp/acore-token. Storage: a standard bucket and a python repository, both in us-east1; the former's name ends with epc6pez1fp3 and the latter's repository id ends with mmga93fugcm9w. Put object rpla1ge0t5npfwetxt with content 0mib1epkp7yueez5g in the bucket. {G} {S1}"],
  h38: [['terse-sre'], "GCP. DNS zone name starts with ud2caeq2ib, dns_name ud2caeq2ib.acore.example. Bucket prefix xuzwywzza1281z8m7ki9, coldline, us-east1. Object svjr5fa1x277znjtxt, content r1w0rzqfdj88wt98. Topic v0rxxa7hg, retention 600s. {G} {S2}"],
  h39: [['story'], "Our Singapore pilot goes live soon on Google Cloud, so we need a DNS managed zone whose name ends with zeq5csojx1o (dns name zeq5csojx1o.acore.example.), a standard bucket in asia-southeast1 whose name starts with r8waanp1sys for the landing page, and a Pub/Sub topic whose name starts with qcmsnhe14z15wl49j keeping signups for 900s. {G} {S3}"],
  h40: [['formal-change-request'], "In accordance with the approved change, provision in Google Cloud a Cloud Storage bucket, storage class standard, location us-east1, whose name ends with aecs6g12y52n, together with a bucket object named ih2zcwm0bfbtxt in that bucket with content 3ukc6d76jnlan6n6s and content type text/plain. {G} {S1}"],
  h41: [['script-template-unstated', 'neither', 'bool-enabled-disabled'], "Google Cloud: DNS managed zone whose name ends with jp42k3m5, dns name jp42k3m5.acore.example. Custom VPC whose name ends with npocf1oyubs with auto subnetwork creation disabled, and a subnetwork kxfl8c5sws in us-central1 using 10.41.83.0/24. One e2-small VM in us-central1-a on kxfl8c5sws, name ending with lnsf0m3, whose startup script writes c1b1d3-9b8bd0-net to /var/tmp/acore-token. A standard bucket in asia-southeast1, name starting with ehoo2yvyo7ys0. Neither a firewall rule nor a service account is needed. {G} {S2}"],
  h42: [['parens-colons'], "Google Cloud stack (network + artifacts): VPC (suffix: zhp1o4a08i; auto create subnetworks: false); subnetwork (suffix: yscor5uiqcry928; region: us-central1; cidr: 10.14.162.0/24); firewall (exact name: a7bbj5l33; ingress; tcp 80; priority 1001; disabled: false); VM (suffix: o6j8xb2zekv; zone: us-central1-c; machine: e2-micro; script: #!/bin/bash printf '39fe2a-a47735-net' > /var/tmp/acore-token); Artifact Registry (repository id suffix: ib8qcqrdzqrlx8cpbr; location: us-west1; format: docker); bucket (prefix: vsxmpcyndudgfpbd5g; location: asia-southeast1; class: coldline) with object (name: jpmki4fj8p2xymntxt; content: 6xjah3zzrdol). {G} {S3}"],
  h43: [['restated-value'], "Bastion environment on Google Cloud. VPC: name ends with ezcb6lgtc3b0ig, automatic subnetworks false. Subnetwork: name starts with dactnj, region europe-west1, range 10.110.152.0/24 (a /24, i.e. 256 addresses from 10.110.152.0 up). Firewall: name ends with cw2ggxqnlssfxtw, ingress ssh, tcp port 22, priority 1000, disabled false. VM: name starts with pbrc8i, e2-medium, europe-west1-b, on the dactnj subnetwork, startup #!/bin/bash set -euo pipefail echo '6ff532-836111-net' > /var/tmp/acore-token. Storage: coldline bucket in us-west1 whose name ends with a2m5bsvmk0p, with object y0f8f75addzg3ktutxt containing ifw01ot58bwa; python repository in us-central1 whose id starts with nqmxxhuahb. {G} {S1}"],
  h44: [['terse-sre'], "Google Cloud: python Artifact Registry repo in us-west1, repository id ends with o34m38l3007dt31. Pub/Sub topic bo1qm7qy5w0jcp, retention 1200s. {G} {S2}"],
  h45: [['story'], "Story time: the platform team is moving the build farm to Google Cloud. The farm lives in a VPC whose name starts with chpcrh2, created with auto create subnetworks false, and a europe-west1 subnetwork whose name starts with outc49 on 10.127.229.0/24. Web hooks reach it through an ingress firewall rule named nvgj33trkemit3m that allows tcp port 80 at priority 1001 and is not disabled. The runner VM, an e2-small in europe-west1-c on that subnetwork, has a name ending with m90fk51y16qpytxv and runs #!/bin/bash /usr/bin/env echo 'e81949-6dcc0b-net' > /var/tmp/acore-token at startup. Built images are pushed to a docker repository in europe-west1 whose id starts with pdkn3hp, and caches go to a coldline bucket in us-central1 whose name starts with p5kqb5gm7kkt5au6. {G} {S3}"],
  h46: [['second-one', 'ordinal'], "Three Google Cloud network resources. The first is a VPC named fj6j0nf3 with auto create subnetworks set to false. The second one is a subnetwork in europe-west1 on 10.168.153.0/24 whose name ends with imqnizs6. The third allows http: an ingress firewall on fj6j0nf3 whose name starts with us9mb6prnwr, tcp port 80, priority 1001, disabled false. {G} {S1}"],
  h47: [['both', 'number-words', 'bool-keep', 'duration-words'], "Google Cloud Pub/Sub plus archive bucket. The topic and the subscription both use prefixes: the topic name starts with z4x0lk213 and the subscription name starts with eyet6a57gr20t. The topic retains messages for 1200s; the subscription, attached to that topic, has a twenty second ack deadline, keeps acked messages (true), and expires after 172800s, that is two days. The archive bucket is coldline in europe-west1 with a name starting with h6pk8vv38m3iadsst. {G} {S2}"],
  h48: [['respectively'], "We need, on Google Cloud, a bucket and a repository in europe-west1 and us-central1 respectively: the bucket is standard and its name ends with nyswj72mgfnsrcuzqe2, the repository holds python packages and its id ends with pmbejwk31sv. Networking: VPC ending with gut29nc4du (auto create subnetworks false), subnetwork dej6199f6p11oy4gl in us-east1 using 10.28.144.0/24, firewall wr8oi6impb3db letting ingress tcp 80 through at priority 1001 (disabled false). Compute: an e2-small VM in us-east1-d starting with jlwzq733kqo0xmkkj4 on that subnetwork, startup script #!/bin/bash /usr/bin/env echo 'ce42a1-541fe6-net' > /var/tmp/acore-token. {G} {S1}"],
  h49: [['chatty-pm', 'duration-words'], "Hey, can we get a nearline bucket over in us-west1 on Google Cloud? Name should begin with je3wxeudqpc. And a Pub/Sub topic whose name ends with a6jygaxmpc7cpmh6 that keeps messages around for 600s (ten minutes is plenty). Cheers. {G} {S2}"],
  h50: [['parens-colons', 'formal-change-request'], "Scope (Google Cloud): Artifact Registry repository: repository id starts with rlwtrtkltuwastyf, location us-east1, format docker. Storage bucket: name ends with i1j30r8lo1rebi5, location us-central1, storage class nearline. Bucket object: name mbvhmppsqa9otxt, bucket as above, content ynjeg9oy4sh8d, content type text/plain. {G} {S3}"],
  h51: [['each', 'former-latter'], "Google Cloud storage delivery: a coldline bucket in us-central1 and a docker repository in us-east1, each named with a prefix; the former starts with vkk6y7vwd8pav5hjl and the latter's repository id starts with cpx8taup7wd92egcxs. Add a topic whose name ends with a5657tp0u and which retains messages for 600s. {G} {S1}"],
  h52: [['restated-value'], "Google Cloud: a docker repository in Artifact Registry, location europe-west1 (that's Belgium, europe-west1), with a repository id that ends with k161gfrdzo, plus a topic named fyryyt65tv4zpzfzp whose message retention duration is 900s, i.e. 900 seconds. {G} {S2}"],
  h53: [['terse-sre', 'script-json-escaped'], "TICKET: stand up on Google Cloud. net: name starts with afefqrtc, auto_create_subnetworks false. subnet: epwvh55xy3 / us-east1 / 10.171.118.0/24. fw: name ends with fjq9s49l0iw7hgim, ingress tcp/22, prio 1000, disabled false. vm: name ends with j4315klg3jq5, e2-micro, us-east1-b, subnet epwvh55xy3, metadata_startup_script \"#!/bin/bash\\n/usr/bin/env echo '0a684c-d4fabd-net' > /var/tmp/acore-token\\n\". topic: name ends with dof2dj2, retention 600s. bucket: name starts with cl8ji0ec3pxv38rk9, asia-southeast1, standard; object b72pftwbd51txt content vs2v7zuqap8oyr066kz. {G} {S3}"],
  h54: [['script-template-unstated', 'ordinal'], "Google Cloud request in order of creation. 1st, a VPC whose name ends with g9m5diw, auto create subnetworks false. 2nd, a subnetwork whose name starts with lsswcpegf1nivse5 in us-central1 with 10.75.78.0/24. 3rd, an ingress firewall whose name ends with w8yidt9d0mp allowing icmp, priority 1002, disabled false. 4th, an e2-micro VM in us-central1-f on that subnetwork, name ending with e0fv073svq, with a startup script that drops the token cdd607-fae55d-net into /var/tmp/acore-token. 5th, a standard bucket in us-central1 whose name starts with wk2xoc2jaebiqwzxh3. 6th, a docker repository in us-east1 whose id starts with m4xti953pbfhxc4d0. {G} {S1}"],
  h55: [['bool-true-false'], "Google Cloud network stack: VPC nmyxztzhy1pwz1268 with auto create subnetworks false, subnetwork w4d85kanu in us-central1 (10.163.238.0/24), an ingress firewall whose name ends with igoyxx1ke09p4s allowing icmp at priority 1002 and disabled false, and a VM whose name ends with v9obao on w4d85kanu in zone us-central1-c, machine type e2-small, startup script #!/bin/bash set -euo pipefail echo '9bcd33-1837d7-net' > /var/tmp/acore-token. {G} {S2}"],
  h56: [['reverse-dependency-order'], "Google Cloud, working back from the file: an object named dkd43p0u3dm0jtfptxt containing hnmkyzuxy8it5bnlp, stored in a coldline bucket in asia-southeast1 whose name ends with lxjld7hb5yh3ij. Separately, a python Artifact Registry repository in us-east1 whose repository id ends with gqbgxwgs9gzw26. {G} {S3}"],
  h57: [['bool-discard', 'duration-words'], "Google Cloud: topic starting with qw924j7r6th5djud that retains messages 900s; subscription on it starting with rxd0e72tnmnaebcuyz7v, ack deadline 60 seconds, discard acked messages (retain acked messages false), expiration ttl 86400s (24 hours). Plus a coldline us-west1 bucket ending with b1ijkf7se0r6do. {G} {S1}"],
  h58: [['chatty-pm', 'basic-vm-default-network'], "Hello! On Google Cloud we need a custom VPC whose name ends with r662f3w5m5hm3 (auto create subnetworks false) with a subnetwork q1vvgles7p in us-east1 on 10.166.35.0/24, and an ingress ssh rule whose name starts with v09pqnv1 (tcp 22, priority 1000, disabled false) on that VPC. Separately, a standalone e2-micro VM in us-east1-d whose name ends with q0xq7m6vvqnu, on the default network, with startup script #!/bin/bash set -euo pipefail echo '70f7ee-610e9f' > /var/tmp/acore-token. {G} {S2}"],
  h59: [['generator-like-use-set-make', 'script-bang-stripped'], "In a Google Cloud project, use z1jivvwez63hg for the compute network name and set auto create subnetworks to false. Make the compute subnetwork name end with zbp3gt0, set its region to us-east1 and use 10.111.150.0/24 for its ip cidr range. Make the compute firewall name end with r613mrx5d59dc, direction ingress, priority 1002, protocol icmp, disabled false. Make the compute instance name start with qlv0z1davsy8d, zone us-east1-b, machine type e2-medium, and use !/bin/bash set -euo pipefail echo '0ce797-5cf927-net' > /var/tmp/acore-token for the metadata startup script. {G} {S3}"],
  h60: [['script-template-unstated', 'each'], "GCP network stack, please. The VPC, the subnetwork and the firewall all get prefixed names: VPC prefixed with h1u0vnp (no auto subnets, false), subnetwork prefixed with knw2grxu6 (us-central1, 10.103.153.0/24), firewall prefixed with idns1d20xvylp1740 (ingress icmp, priority 1002, disabled false). The VM is the odd one out: its name ends with ub82cavljkan4cs. It is an e2-micro in us-central1-c on that subnetwork, and its boot script just records d69f5f-407368-net in /var/tmp/acore-token. {G} {S1}"],
  h61: [['quoted-names', 'respectively'], "Google Cloud: a bucket, a repository and a topic. Bucket and repository go to us-west1 and asia-southeast1 respectively; the bucket (coldline) has a name ending with \"ctnc8j00grl451o\" and the python repository has an id ending with \"i1a5onybxr4bfe9v\". The topic is named \"uhm7ysn6z1o1fe\" exactly and keeps messages 900s. {G} {S2}"],
  h62: [['formal-change-request'], "Change request for Google Cloud. Network: create compute network u7472tsofck9fwifr5 with auto create subnetworks false; create a subnetwork in us-central1 whose name starts with jcoush6wwqtzl9oe8 with ip cidr range 10.173.20.0/24; create firewall jujrgiy9brp3q on u7472tsofck9fwifr5 permitting ingress icmp at priority 1002 with disabled false. Compute: create an e2-small instance in us-central1-c whose name ends with aujhce39jm, attached to the subnetwork above, with startup script #!/bin/bash set -euo pipefail echo 'a14972-070249-net' > /var/tmp/acore-token. Storage: create a standard bucket in europe-west1 whose name ends with qmccqu94nqfs8o4ie73h holding object z5nt5ug4o2llvtxt with content n2ht4xnf9nmw, and a docker repository in europe-west1 whose repository id starts with r93zr11c8breqofo. {G} {S3}"],
};

// ---------------------------------------------------------------- main
const fill = (t) => t.replace('{G}', GRANT).replace('{S1}', SUBMIT[0]).replace('{S2}', SUBMIT[1]).replace('{S3}', SUBMIT[2]);
const lines = [];
let failures = 0;
const seen = new Set();
for (const d of DEFS) {
  const entry = P[d.id];
  if (!entry) { console.error(`${d.id}: no prompt`); failures++; continue; }
  seen.add(d.id);
  const [style, text] = entry;
  const prompt = fill(text);
  const invariants = buildInvariants(d);
  const errs = checkCase(d, style, prompt, invariants);
  if (/[{}]/.test(prompt)) errs.push('unfilled placeholder');
  if (errs.length) { failures++; for (const e of errs) console.error(`${d.id} (${d.fam}): ${e}`); }
  lines.push(JSON.stringify({ task_id: d.tid, nonce: d.nonce, family: d.fam, style, prompt, invariants }));
}
for (const id of Object.keys(P)) if (!seen.has(id)) { console.error(`${id}: prompt without definition`); failures++; }
const fams = new Set(DEFS.map((d) => d.fam));
if (fams.size !== Object.keys(FAMILIES).length) { console.error(`only ${fams.size} families covered`); failures++; }
const outPath = join(dirname(fileURLToPath(import.meta.url)), 'holdout.jsonl');
writeFileSync(outPath, lines.join('\n') + '\n');
console.log(`${lines.length} cases written to ${outPath}; ${failures} failing`);
process.exit(failures ? 1 : 0);
