//! Brute-force protection for logins: a sliding window of recent failures, counted
//! separately per login and per client address. Past the limit the caller waits until
//! enough failures have aged out of the window; nobody is ever locked out for good,
//! and a successful login clears the failures of that login.

use std::net::{IpAddr, Ipv6Addr};

/// The key a client address is counted under. One IPv6 client usually holds a whole
/// /64 (and can pick any address in it), so IPv6 is counted by /64; IPv4 by address.
pub fn address_key(ip: IpAddr) -> String {
    match ip.to_canonical() {
        IpAddr::V4(v4) => v4.to_string(),
        IpAddr::V6(v6) => {
            let network = Ipv6Addr::from(u128::from(v6) & !(u128::from(u64::MAX)));
            format!("{network}/64")
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ThrottlePolicy {
    pub max_failures: u32,
    pub window_seconds: i64,
}

impl ThrottlePolicy {
    /// `recent_failures` holds failure times (unix seconds), most recent first; the
    /// caller needs to load at most `max_failures` of them. Returns how many seconds
    /// the caller must wait, or `None` when another attempt is allowed now.
    pub fn retry_after(&self, recent_failures: &[i64], now: i64) -> Option<i64> {
        let limit = self.max_failures as usize;
        if limit == 0 {
            return None;
        }
        let in_window: Vec<i64> = recent_failures
            .iter()
            .copied()
            .filter(|&at| now - at < self.window_seconds)
            .take(limit)
            .collect();
        if in_window.len() < limit {
            return None;
        }
        // The attempt is allowed again once the limit-th most recent failure leaves the window.
        let oldest_that_counts = in_window[limit - 1];
        Some((oldest_that_counts + self.window_seconds - now).max(1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const POLICY: ThrottlePolicy = ThrottlePolicy {
        max_failures: 3,
        window_seconds: 600,
    };

    #[test]
    fn under_the_limit_is_allowed() {
        assert_eq!(POLICY.retry_after(&[], 1000), None);
        assert_eq!(POLICY.retry_after(&[990, 980], 1000), None);
    }

    #[test]
    fn at_the_limit_waits_for_the_oldest_counted_failure_to_expire() {
        assert_eq!(POLICY.retry_after(&[990, 980, 700], 1000), Some(300));
    }

    #[test]
    fn failures_outside_the_window_do_not_count() {
        assert_eq!(POLICY.retry_after(&[990, 980, 300], 1000), None);
    }

    #[test]
    fn the_wait_is_bounded_by_the_window() {
        let now = 10_000;
        let retry = POLICY.retry_after(&[now, now, now, now], now).unwrap();
        assert_eq!(retry, POLICY.window_seconds);
    }

    #[test]
    fn ipv6_clients_are_counted_by_their_64() {
        let key = |text: &str| address_key(text.parse().unwrap());
        assert_eq!(key("203.0.113.9"), "203.0.113.9");
        assert_eq!(key("::ffff:203.0.113.9"), "203.0.113.9");
        assert_eq!(key("2001:db8:1:2::1"), "2001:db8:1:2::/64");
        assert_eq!(key("2001:db8:1:2:ffff:ffff:ffff:ffff"), "2001:db8:1:2::/64");
        assert_ne!(key("2001:db8:1:3::1"), key("2001:db8:1:2::1"));
    }

    #[test]
    fn zero_disables() {
        let off = ThrottlePolicy {
            max_failures: 0,
            window_seconds: 600,
        };
        assert_eq!(off.retry_after(&[1, 2, 3], 3), None);
    }
}
