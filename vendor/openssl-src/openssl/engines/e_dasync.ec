# The INPUT HEADER is scanned for declarations
# LIBNAME       INPUT HEADER                    ERROR-TABLE FILE
L DASYNC        e_dasync_err.h                  e_dasync_err.c
