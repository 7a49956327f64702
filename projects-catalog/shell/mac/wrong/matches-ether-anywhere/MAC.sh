#!/bin/bash
grep ether | awk '{ print $2 }'
