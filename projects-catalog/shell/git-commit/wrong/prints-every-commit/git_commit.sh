#!/bin/bash
awk '/^commit / { print $2 }'
