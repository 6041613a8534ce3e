package dev.tollgate.engine;
