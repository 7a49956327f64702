#!/bin/bash
grep -o '[0-9a-f:]\{17\}'
