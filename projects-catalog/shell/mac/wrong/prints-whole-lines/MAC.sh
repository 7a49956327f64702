#!/bin/bash
grep 'ether '
