-- Take one request and ARGV[3] tokens from a provider's shared buckets, both or neither.
-- KEYS[1]: requests bucket; KEYS[2]: tokens bucket (hashes: level, at); KEYS[3]: hold-off deadline (ms)
-- ARGV[1]: requests per minute (0: none); ARGV[2]: tokens per minute (0: none); ARGV[3]: tokens wanted
-- Returns 0 when taken, else the milliseconds after which enough will have refilled.
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local holdOff = tonumber(redis.call('GET', KEYS[3]) or '0')
if holdOff > now then
  return holdOff - now
end
-- a full bucket holds one minute's worth; it refills at that rate per 60000 ms
local function level(key, perMinute)
  local b = redis.call('HMGET', key, 'level', 'at')
  local lvl = tonumber(b[1]) or perMinute
  local at = tonumber(b[2]) or now
  return math.min(perMinute, lvl + math.max(0, now - at) * perMinute / 60000)
end
local rpm, tpm = tonumber(ARGV[1]), tonumber(ARGV[2])
-- a call larger than a whole minute's tokens waits for a full bucket instead of forever
local want = math.min(tonumber(ARGV[3]), tpm)
local wait, requests, tokens = 0, 0, 0
if rpm > 0 then
  requests = level(KEYS[1], rpm)
  if requests < 1 then wait = math.max(wait, math.ceil((1 - requests) * 60000 / rpm)) end
end
if tpm > 0 then
  tokens = level(KEYS[2], tpm)
  if tokens < want then wait = math.max(wait, math.ceil((want - tokens) * 60000 / tpm)) end
end
if wait > 0 then
  return wait
end
if rpm > 0 then
  redis.call('HSET', KEYS[1], 'level', tostring(requests - 1), 'at', tostring(now))
  redis.call('PEXPIRE', KEYS[1], 120000)
end
if tpm > 0 then
  redis.call('HSET', KEYS[2], 'level', tostring(tokens - want), 'at', tostring(now))
  redis.call('PEXPIRE', KEYS[2], 120000)
end
return 0
