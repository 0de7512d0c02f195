-- wrk script: GET each path of a file in turn (one path per line), each thread
-- starting at its own offset.
--   wrk -s paths.lua URL -- PATHS_FILE
-- With env WRK_DELAY_MS=D > 0 each connection waits D ms after every response before its
-- next request: an approximately fixed offered rate of connections * 1000 / (D + latency)
-- per second (closed loop: see BENCHMARKS.md on coordinated omission).
local delay_ms = tonumber(os.getenv("WRK_DELAY_MS") or "0")
local threads = 0

function setup(thread)
  thread:set("tid", threads)
  threads = threads + 1
end

function init(args)
  paths = {}
  for line in io.lines(args[1]) do
    if #line > 0 then paths[#paths + 1] = line end
  end
  if #paths == 0 then error("no paths in " .. args[1]) end
  i = ((tid or 0) * 7919) % #paths
end

function request()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end

if delay_ms > 0 then
  function delay()
    return delay_ms
  end
end
