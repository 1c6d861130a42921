/** The role that takes incidents at each rung of the ladder (grid, community, township, county). */
export const LEVEL_ROLE = ['grid_worker', 'community_staff', 'township_officer', 'county_admin'] as const;
