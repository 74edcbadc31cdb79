-- A provider asked to be left alone for ARGV[1] milliseconds (Retry-After): every replica waits until then.
-- KEYS[1]: hold-off deadline (ms, server clock); only ever moved later.
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local deadline = now + tonumber(ARGV[1])
if deadline > tonumber(redis.call('GET', KEYS[1]) or '0') then
  redis.call('SET', KEYS[1], tostring(deadline), 'PX', ARGV[1])
end
return deadline
