-- Reserve a call's worst-case cost for one project, atomically.
-- KEYS[1]: the project's ledger hash (limit, spent, reserved, hold:<id>); KEYS[2]: hold deadlines (sorted set)
-- ARGV[1]: hold id; ARGV[2]: amount; ARGV[3]: limit the call names (-1: none); ARGV[4]: spend the caller knows of
-- (-1: none); ARGV[5]: hold time to live in milliseconds
-- Returns {1 reserved | 0 over budget | -1 no limit known, limit, spent, reserved}
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
-- holds of routers that died before settling give their money back
for _, id in ipairs(redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', now)) do
  local held = redis.call('HGET', KEYS[1], 'hold:' .. id)
  if held then
    if held ~= '0' then redis.call('HINCRBY', KEYS[1], 'reserved', '-' .. held) end
    redis.call('HDEL', KEYS[1], 'hold:' .. id)
  end
  redis.call('ZREM', KEYS[2], id)
end
local limit = tonumber(redis.call('HGET', KEYS[1], 'limit') or '-1')
if tonumber(ARGV[3]) > limit then
  limit = tonumber(ARGV[3])
  redis.call('HSET', KEYS[1], 'limit', ARGV[3])
end
local spent = tonumber(redis.call('HGET', KEYS[1], 'spent') or '0')
if tonumber(ARGV[4]) > spent then
  spent = tonumber(ARGV[4])
  redis.call('HSET', KEYS[1], 'spent', ARGV[4])
end
local reserved = tonumber(redis.call('HGET', KEYS[1], 'reserved') or '0')
if limit < 0 then
  return {-1, limit, spent, reserved}
end
local amount = tonumber(ARGV[2])
if spent + reserved + amount > limit then
  return {0, limit, spent, reserved}
end
reserved = redis.call('HINCRBY', KEYS[1], 'reserved', ARGV[2])
redis.call('HSET', KEYS[1], 'hold:' .. ARGV[1], ARGV[2])
redis.call('ZADD', KEYS[2], now + tonumber(ARGV[5]), ARGV[1])
return {1, limit, spent, reserved}
