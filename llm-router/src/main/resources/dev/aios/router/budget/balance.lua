-- Read one project's balance without changing it: holds past their deadline are not counted (the next reservation
-- sweeps them), so a router that died before settling does not keep its money held in what a reader sees.
-- KEYS[1]: the project's ledger hash; KEYS[2]: hold deadlines (sorted set)
-- Returns {0} when the ledger holds nothing for the project, else {1, limit, spent, reserved}
if redis.call('EXISTS', KEYS[1]) == 0 then
  return {0}
end
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local reserved = tonumber(redis.call('HGET', KEYS[1], 'reserved') or '0')
for _, id in ipairs(redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', now)) do
  local held = redis.call('HGET', KEYS[1], 'hold:' .. id)
  if held then reserved = reserved - tonumber(held) end
end
local limit = tonumber(redis.call('HGET', KEYS[1], 'limit') or '-1')
local spent = tonumber(redis.call('HGET', KEYS[1], 'spent') or '0')
if reserved < 0 then reserved = 0 end
return {1, limit, spent, reserved}
