package dev.tollgate.dsl;
