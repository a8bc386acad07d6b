namespace Modules.Upwork.Data;

/// <summary>The module's private sets on the shared context.</summary>
internal static class UpworkDb
{
    public static DbSet<JobPosting> JobPostings(this AppDbContext db) => db.Set<JobPosting>();
}
