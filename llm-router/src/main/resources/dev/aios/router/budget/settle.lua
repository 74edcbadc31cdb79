-- Settle one hold: give back what it held and charge the real cost (charged even when the hold already expired:
-- the provider was paid either way).
-- KEYS[1]: the project's ledger hash; KEYS[2]: hold deadlines; ARGV[1]: hold id; ARGV[2]: real cost
-- Returns {1 hold found | 0 hold gone, limit, spent, reserved}
local held = redis.call('HGET', KEYS[1], 'hold:' .. ARGV[1])
if held then
  if held ~= '0' then redis.call('HINCRBY', KEYS[1], 'reserved', '-' .. held) end
  redis.call('HDEL', KEYS[1], 'hold:' .. ARGV[1])
  redis.call('ZREM', KEYS[2], ARGV[1])
end
local spent = redis.call('HINCRBY', KEYS[1], 'spent', ARGV[2])
local limit = tonumber(redis.call('HGET', KEYS[1], 'limit') or '-1')
local reserved = tonumber(redis.call('HGET', KEYS[1], 'reserved') or '0')
return {held and 1 or 0, limit, spent, reserved}
