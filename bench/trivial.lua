-- Trivial entrypoint for bench/startup.sh: handlers only, no work at start.
return { StartRoundSynapse = function(syn) syn.is_ready = true return syn end }
