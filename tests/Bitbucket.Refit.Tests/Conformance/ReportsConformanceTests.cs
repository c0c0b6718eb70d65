using System.Text.Json;
using Bitbucket.Models;
using Bitbucket;

namespace Bitbucket.Tests.Conformance;

[Category("Conformance")]
public sealed class ReportsConformanceTests
{
    private const string Hash = "db9ba1e031d07a02603eae0e559a7adc010257fc";

    [Test]
    public async Task List()
    {
        var prism = await PrismServer.GetAsync();
        var page = await prism.CallAsync(c => FirstPageAsync(c.Reports.List("my-workspace", "my-repo", Hash)));
        Assert.That(page.Values, Is.Not.Null);
    }

    [Test]
    public async Task Get()
    {
        var prism = await PrismServer.GetAsync();
        var report = await prism.CallAsync(c => c.Reports.GetAsync("my-workspace", "my-repo", Hash, "mysystem-001"));
        Assert.That(report.Type, Is.Not.Null);
    }

    [Test]
    public async Task CreateOrUpdate()
    {
        var prism = await PrismServer.GetAsync();
        var report = await prism.CallAsync(c => c.Reports.CreateOrUpdateAsync("my-workspace", "my-repo", Hash, "mysystem-001", new Report
        {
            Type = "report",
            Title = "Security scan report",
            Details = "This pull request introduces 10 new dependency vulnerabilities.",
            ReportType = ReportType.Security,
            Reporter = "mySystem",
            Link = "http://www.mysystem.com/reports/001",
            Result = ReportResult.Failed,
            // The spec types report_data.value as an object, against its own table of data types (DURATION is a number,
            // BOOLEAN a boolean) and Bitbucket's example; only a LINK value is an object, so that is what Prism accepts.
            // ReportData.Value stays a JsonElement; the WireMock tests send numbers and booleans.
            Data =
            [
                new ReportData { Title = "Details", Type = ReportDataType.Link, Value = JsonElement.Parse("""{"text":"Open","href":"http://www.mysystem.com/reports/001"}""") },
            ],
        }));
        Assert.That(report.Type, Is.Not.Null);
    }

    [Test]
    public async Task Delete()
    {
        var prism = await PrismServer.GetAsync();
        await prism.CallAsync(c => c.Reports.DeleteAsync("my-workspace", "my-repo", Hash, "mysystem-001"));
    }

    [Test]
    public async Task ListAnnotations()
    {
        var prism = await PrismServer.GetAsync();
        var page = await prism.CallAsync(c => FirstPageAsync(c.Reports.ListAnnotations("my-workspace", "my-repo", Hash, "mysystem-001")));
        Assert.That(page.Values, Is.Not.Null);
    }

    [Test]
    public async Task CreateOrUpdateAnnotations()
    {
        var prism = await PrismServer.GetAsync();
        var stored = await prism.CallAsync(c => c.Reports.CreateOrUpdateAnnotationsAsync("my-workspace", "my-repo", Hash, "mysystem-001",
        [
            Annotation("mysystem-annotation001", ReportAnnotationType.Vulnerability, 42),
            Annotation("mysystem-annotation002", ReportAnnotationType.Bug, 13),
        ]));
        Assert.That(stored, Is.Not.Null);
    }

    [Test]
    public async Task GetAnnotation()
    {
        var prism = await PrismServer.GetAsync();
        var annotation = await prism.CallAsync(c => c.Reports.GetAnnotationAsync("my-workspace", "my-repo", Hash, "mysystem-001", "mysystem-annotation001"));
        Assert.That(annotation.Type, Is.Not.Null);
    }

    [Test]
    public async Task CreateOrUpdateAnnotation()
    {
        var prism = await PrismServer.GetAsync();
        var annotation = await prism.CallAsync(c => c.Reports.CreateOrUpdateAnnotationAsync("my-workspace", "my-repo", Hash, "mysystem-001", "mysystem-annotation001",
            Annotation(null, ReportAnnotationType.Vulnerability, 42)));
        Assert.That(annotation.Type, Is.Not.Null);
    }

    [Test]
    public async Task DeleteAnnotation()
    {
        var prism = await PrismServer.GetAsync();
        await prism.CallAsync(c => c.Reports.DeleteAnnotationAsync("my-workspace", "my-repo", Hash, "mysystem-001", "mysystem-annotation001"));
    }

    private static ReportAnnotation Annotation(string? externalId, ReportAnnotationType type, int line) => new()
    {
        Type = "report_annotation",
        ExternalId = externalId,
        AnnotationType = type,
        Summary = "This line represents a security threat.",
        Severity = ReportAnnotationSeverity.High,
        Result = ReportAnnotationResult.Failed,
        Path = "my-service/src/main/java/com/myCompany/mysystem/logic/Main.java",
        Line = line,
        Link = "http://www.mysystem.com/reports/001/annotations/001",
    };

    private static async Task<Page<T>> FirstPageAsync<T>(BitbucketPageable<T> pages)
    {
        await foreach (var page in pages.AsPages())
        {
            return page;
        }

        throw new InvalidOperationException("No page.");
    }
}
