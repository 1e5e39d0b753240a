#!/bin/sh
# A hung MT engine: reads but never answers.
sleep 30
