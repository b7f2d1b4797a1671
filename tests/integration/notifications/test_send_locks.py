"""The dispatcher's Redis locks, against a real Redis: a chunk is locked and released in one go,
and a release never frees a lock another sender holds now."""

from __future__ import annotations

from redis.asyncio import Redis

from services.notifications.dispatch.locks import SendLocks, lock_name


async def test_a_chunk_locked_by_one_sender_is_not_given_to_another(redis: Redis) -> None:
    first, second = SendLocks(redis, 60), SendLocks(redis, 60)
    assert await first.acquire(["a", "b", "c"]) == {"a", "b", "c"}
    assert await second.acquire(["b", "c", "d"]) == {"d"}
    await first.release()
    assert await redis.exists(lock_name("a"), lock_name("b"), lock_name("c")) == 0
    assert await redis.get(lock_name("d")) == second.token.encode()


async def test_release_leaves_a_lock_that_expired_and_was_taken_over(redis: Redis) -> None:
    slow, fast = SendLocks(redis, 60), SendLocks(redis, 60)
    assert await slow.acquire(["x", "y"]) == {"x", "y"}
    await redis.delete(lock_name("x"))  # as if slow's lock on x had expired
    assert await fast.acquire(["x"]) == {"x"}
    await slow.release()
    assert await redis.get(lock_name("x")) == fast.token.encode()
    assert await redis.exists(lock_name("y")) == 0
