#!/bin/bash
awk -F: -v login="$1" '{
	n = split($4, members, ",")
	for (i = 1; i <= n; i++)
		if (members[i] == login) {
			print $1
			break
		}
}' | paste -sd, -
