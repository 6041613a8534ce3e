package dev.tollgate.jobs;
