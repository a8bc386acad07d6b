namespace Modules.Upwork.Data;

/// <summary>The module's private sets on the shared context.</summary>
internal static class UpworkDb
{
    public static DbSet<JobPosting> JobPostings(this AppDbContext db) => db.Set<JobPosting>();
    public static DbSet<UpworkConnection> UpworkConnections(this AppDbContext db) => db.Set<UpworkConnection>();
    public static DbSet<SavedSearch> SavedSearches(this AppDbContext db) => db.Set<SavedSearch>();
    public static DbSet<SyncState> SyncStates(this AppDbContext db) => db.Set<SyncState>();
    public static DbSet<SavedJobPosting> SavedJobs(this AppDbContext db) => db.Set<SavedJobPosting>();
    public static DbSet<WebhookSource> WebhookSources(this AppDbContext db) => db.Set<WebhookSource>();
    public static DbSet<SearchMatch> SearchMatches(this AppDbContext db) => db.Set<SearchMatch>();
    public static DbSet<Notification> Notifications(this AppDbContext db) => db.Set<Notification>();
    public static DbSet<Proposal> Proposals(this AppDbContext db) => db.Set<Proposal>();
    public static DbSet<ProposalTransition> ProposalHistory(this AppDbContext db) => db.Set<ProposalTransition>();
    public static DbSet<AlertChannel> AlertChannels(this AppDbContext db) => db.Set<AlertChannel>();
    public static DbSet<AlertDelivery> AlertDeliveries(this AppDbContext db) => db.Set<AlertDelivery>();
    public static DbSet<AlertPreference> AlertPreferences(this AppDbContext db) => db.Set<AlertPreference>();
    public static DbSet<SavedSearchFollow> SavedSearchFollows(this AppDbContext db) => db.Set<SavedSearchFollow>();
    public static DbSet<WebhookReceipt> WebhookReceipts(this AppDbContext db) => db.Set<WebhookReceipt>();
    public static DbSet<JobAccess> JobAccess(this AppDbContext db) => db.Set<JobAccess>();
    public static DbSet<UnannouncedJobPosting> UnannouncedJobs(this AppDbContext db) => db.Set<UnannouncedJobPosting>();
    public static DbSet<ConnectionShare> ConnectionShares(this AppDbContext db) => db.Set<ConnectionShare>();
    public static DbSet<JobClaim> JobClaims(this AppDbContext db) => db.Set<JobClaim>();
    public static DbSet<RedFlagDismissal> RedFlagDismissals(this AppDbContext db) => db.Set<RedFlagDismissal>();
    public static DbSet<UpworkCallLogEntry> CallLog(this AppDbContext db) => db.Set<UpworkCallLogEntry>();
    public static DbSet<UpworkPause> Pauses(this AppDbContext db) => db.Set<UpworkPause>();
    public static DbSet<ProposalReview> ProposalReviews(this AppDbContext db) => db.Set<ProposalReview>();
    public static DbSet<ReviewRequirement> ReviewRequirements(this AppDbContext db) => db.Set<ReviewRequirement>();
}
