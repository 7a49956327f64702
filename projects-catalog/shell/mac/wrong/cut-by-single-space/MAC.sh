#!/bin/bash
grep ether | cut -d ' ' -f 2
