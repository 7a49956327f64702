//! Who is at the other end of a request, for counting failed logins. Behind a reverse
//! proxy every connection comes from the proxy, so the proxy's `X-Forwarded-For` is
//! believed; nobody else's is, since any client can write that header.

use actix_web::http::header::HeaderName;
use actix_web::HttpRequest;
use qadam_settings::IpNetwork;
use std::net::{IpAddr, SocketAddr};

const X_FORWARDED_FOR: HeaderName = HeaderName::from_static("x-forwarded-for");

/// The key under which this request's client is counted (see
/// [`qadam_domain::address_key`]), or `unknown` when the socket has no peer address.
pub fn client_address(req: &HttpRequest, trusted: &[IpNetwork]) -> String {
    let Some(peer) = req.peer_addr() else {
        return "unknown".into();
    };
    let forwarded: Vec<&str> = req
        .headers()
        .get_all(X_FORWARDED_FOR)
        .filter_map(|value| value.to_str().ok())
        .collect();
    qadam_domain::address_key(client_ip(peer.ip(), &forwarded, trusted))
}

/// The client's address: the peer, unless the peer is a trusted proxy; then the
/// right-most address of `X-Forwarded-For` that is not a trusted proxy. Each proxy
/// appends the address it received the request from, so only the part of the header
/// to the right of the first untrusted hop was written by proxies we trust.
pub fn client_ip(peer: IpAddr, forwarded_for: &[&str], trusted: &[IpNetwork]) -> IpAddr {
    let is_trusted = |ip: IpAddr| trusted.iter().any(|network| network.contains(ip));
    let mut client = peer.to_canonical();
    if !is_trusted(client) {
        return client;
    }
    // Several header lines are one list, in order.
    let hops: Vec<&str> = forwarded_for
        .iter()
        .flat_map(|value| value.split(','))
        .map(str::trim)
        .collect();
    for hop in hops.into_iter().rev() {
        // Something that is not an address ends the walk: the last hop we could read
        // (a trusted proxy) is then the best answer we have.
        let Some(ip) = parse_hop(hop) else { break };
        client = ip;
        if !is_trusted(ip) {
            break;
        }
    }
    client
}

/// An address as proxies write it: `203.0.113.7`, `2001:db8::1`, or with a port
/// (`203.0.113.7:4711`, `[2001:db8::1]:4711`).
fn parse_hop(hop: &str) -> Option<IpAddr> {
    let ip = hop
        .parse::<IpAddr>()
        .or_else(|_| hop.parse::<SocketAddr>().map(|socket| socket.ip()))
        .or_else(|_| {
            hop.trim_start_matches('[')
                .trim_end_matches(']')
                .parse::<IpAddr>()
        })
        .ok()?;
    Some(ip.to_canonical())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(text: &str) -> IpAddr {
        text.parse().unwrap()
    }

    fn nets(list: &[&str]) -> Vec<IpNetwork> {
        list.iter().map(|text| text.parse().unwrap()).collect()
    }

    #[test]
    fn without_trusted_proxies_the_header_is_ignored() {
        let client = client_ip(ip("198.51.100.4"), &["203.0.113.7"], &[]);
        assert_eq!(client, ip("198.51.100.4"));
    }

    #[test]
    fn an_untrusted_peer_cannot_forge_its_address() {
        let trusted = nets(&["10.0.0.0/8"]);
        let client = client_ip(ip("198.51.100.4"), &["203.0.113.7"], &trusted);
        assert_eq!(client, ip("198.51.100.4"));
    }

    #[test]
    fn behind_trusted_proxies_the_right_most_untrusted_hop_is_the_client() {
        let trusted = nets(&["10.0.0.0/8", "192.0.2.1"]);
        let peer = ip("10.0.0.5");
        assert_eq!(
            client_ip(peer, &["203.0.113.7"], &trusted),
            ip("203.0.113.7")
        );
        // The client wrote a forged first entry; the proxy appended the real address.
        assert_eq!(
            client_ip(peer, &["198.51.100.66, 203.0.113.7"], &trusted),
            ip("203.0.113.7")
        );
        // Two trusted proxies in a row, and the list split over two header lines.
        assert_eq!(
            client_ip(peer, &["198.51.100.66, 203.0.113.7", "192.0.2.1"], &trusted),
            ip("203.0.113.7")
        );
        assert_eq!(
            client_ip(peer, &["[2001:db8::9]:4711"], &trusted),
            ip("2001:db8::9")
        );
    }

    #[test]
    fn a_missing_or_unreadable_header_leaves_the_last_trusted_hop() {
        let trusted = nets(&["10.0.0.0/8"]);
        let peer = ip("10.0.0.5");
        assert_eq!(client_ip(peer, &[], &trusted), peer);
        assert_eq!(
            client_ip(peer, &["unknown, 10.0.0.9"], &trusted),
            ip("10.0.0.9")
        );
        assert_eq!(client_ip(peer, &["10.1.1.1"], &trusted), ip("10.1.1.1"));
    }

    #[test]
    fn ipv4_on_a_dual_stack_socket_is_plain_ipv4() {
        let trusted = nets(&["127.0.0.1"]);
        let client = client_ip(ip("::ffff:127.0.0.1"), &["203.0.113.7"], &trusted);
        assert_eq!(client, ip("203.0.113.7"));
    }
}
