#!/bin/bash
awk '/^commit / && n < 5 { print $2; n++ }'
