/* A program outside the project, built only against the installed library. */
#include <frontdesk.h>
#include <stdio.h>

int main(int argc, char **argv)
{
    if (argc != 2)
        return 2;
    fd_store *store = NULL;
    int64_t site = 0;
    fd_actor system = FD_ACTOR_INIT; /* the system, at 2026-11-23T01:00Z */
    system.at = 1795395600;
    fd_site demo = FD_SITE_INIT;
    demo.code = "demo";
    demo.name = "某某产业园";
    if (fd_store_open(&store, argv[1], NULL) != FD_OK || fd_store_site_add(&site, store, &system, &demo) != FD_OK) {
        fprintf(stderr, "consumer: %s\n", fd_error_last()->message);
        fd_store_close(store);
        return 1;
    }
    printf("libfrontdesk %s, schema %d, site %lld\n", fd_version(), fd_store_schema_latest(), (long long)site);
    fd_store_close(store);
    return 0;
}
