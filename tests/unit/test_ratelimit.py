from rareinfo.web.ratelimit import RateLimiter


def test_burst_then_refuse_then_refill() -> None:
    limiter = RateLimiter(per_minute=60, burst=3)
    assert [limiter.check("a", now=0.0) for _ in range(3)] == [None, None, None]
    wait = limiter.check("a", now=0.0)
    assert wait is not None and 0.9 < wait <= 1.0
    assert limiter.check("b", now=0.0) is None  # other keys are independent
    assert limiter.check("a", now=1.01) is None  # one token back after a second


def test_forgets_oldest_keys_beyond_capacity() -> None:
    limiter = RateLimiter(per_minute=1, burst=1, max_keys=2)
    assert limiter.check("a", now=0.0) is None
    assert limiter.check("b", now=0.0) is None
    assert limiter.check("c", now=0.0) is None
    assert limiter.check("a", now=0.0) is None  # "a" was forgotten, so it starts full
