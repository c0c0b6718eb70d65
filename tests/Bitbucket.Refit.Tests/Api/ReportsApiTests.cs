using System.Text.Json;
using Bitbucket;
using Bitbucket.Models;
using Bitbucket.Tests.Infrastructure;

namespace Bitbucket.Tests.Api;

public sealed class ReportsApiTests : ApiTestBase
{
    private const string Hash = "db9ba1e031d07a02603eae0e559a7adc010257fc";
    private const string Base = "/2.0/repositories/my-workspace/my-repo/commit/db9ba1e031d07a02603eae0e559a7adc010257fc/reports";

    private const string ReportJson = """
        {"type":"report","uuid":"{1c1c6b3c-a9d4-4b8a-8f3a-62d1fdbd1f1b}","title":"Security scan report",
         "details":"This pull request introduces 10 new dependency vulnerabilities.","external_id":"mysystem-001","reporter":"mySystem",
         "link":"http://www.mysystem.com/reports/001","logo_url":"https://www.mysystem.com/logo.png","remote_link_enabled":true,
         "report_type":"SECURITY","result":"FAILED",
         "data":[{"title":"Duration (seconds)","type":"DURATION","value":14},{"title":"Safe to merge?","type":"BOOLEAN","value":false},
           {"title":"Details","type":"LINK","value":{"text":"Open","href":"https://www.mysystem.com/reports/001"}}],
         "created_on":"2024-06-01T12:00:00.000000+00:00","updated_on":"2024-06-01T12:05:00.000000+00:00"}
        """;

    private const string AnnotationJson = """
        {"type":"report_annotation","uuid":"{a4f2b0bd-9cfe-4e4c-b5e6-6c2b8d0f5d61}","external_id":"mysystem-annotation001",
         "annotation_type":"VULNERABILITY","summary":"This line represents a security threat.","details":"CVE-2024-0001 in a dependency.",
         "severity":"HIGH","result":"FAILED","path":"my-service/src/main/java/com/myCompany/mysystem/logic/Main.java","line":42,
         "link":"http://www.mysystem.com/reports/001/annotations/001","title":"Security scan report",
         "created_on":"2024-06-01T12:00:00.000000+00:00","updated_on":"2024-06-01T12:00:00.000000+00:00"}
        """;

    private IReportsApi Reports => Api<IReportsApi>();

    [Test]
    public async Task List_FollowsNext_AndReadsReports()
    {
        AnswerTwoPages(
            Base,
            $$"""{"pagelen":1,"page":1,"size":2,"values":[{{ReportJson}}],"next":"{{Mock.Url}}{{Base}}?page=2&pagelen=1"}""",
            $$"""{"pagelen":1,"values":[{{ReportJson.Replace("mysystem-001", "mysystem-002", StringComparison.Ordinal)}}]}""");

        var reports = new List<Report>();
        await foreach (var report in Reports.List("my-workspace", "my-repo", Hash, new ListOptions { PageLength = 1 }))
        {
            reports.Add(report);
        }

        Assert.Multiple(() =>
        {
            Assert.That(Mock.RawTargets, Is.EqualTo(new[] { $"{Base}?pagelen=1", $"{Base}?page=2&pagelen=1" }));
            Assert.That(reports.Select(r => r.ExternalId), Is.EqualTo(new[] { "mysystem-001", "mysystem-002" }));
            AssertReport(reports[0]);
        });
    }

    [Test]
    public async Task Get_KeepsAReportIdWithASlashAsOneEscapedSegment()
    {
        Answer(200, ReportJson);

        var report = await Reports.GetAsync("my-workspace", "my-repo", Hash, "mysystem/001 nightly");

        Assert.Multiple(() =>
        {
            AssertSent("GET", $"{Base}/mysystem%2F001%20nightly");
            AssertReport(report);
        });
    }

    [Test]
    public async Task CreateOrUpdate_PutsTheReport_WithTypedData()
    {
        Answer(200, ReportJson);

        var stored = await Reports.CreateOrUpdateAsync("my-workspace", "my-repo", Hash, "mysystem-001", new Report
        {
            Type = "report",
            Title = "Security scan report",
            Details = "This pull request introduces 10 new dependency vulnerabilities.",
            ReportType = ReportType.Security,
            Reporter = "mySystem",
            Link = "http://www.mysystem.com/reports/001",
            Result = ReportResult.Failed,
            Data =
            [
                new ReportData { Title = "Duration (seconds)", Type = ReportDataType.Duration, Value = JsonElement.Parse("14") },
                new ReportData { Title = "Safe to merge?", Type = ReportDataType.Boolean, Value = JsonElement.Parse("false") },
            ],
        });

        var body = BodyOf(Mock.Requests.Single());
        Assert.Multiple(() =>
        {
            AssertSent("PUT", $"{Base}/mysystem-001");
            Assert.That(body["type"]!.GetValue<string>(), Is.EqualTo("report"));
            Assert.That(body["title"]!.GetValue<string>(), Is.EqualTo("Security scan report"));
            Assert.That(body["report_type"]!.GetValue<string>(), Is.EqualTo("SECURITY"));
            Assert.That(body["result"]!.GetValue<string>(), Is.EqualTo("FAILED"));
            Assert.That(body["reporter"]!.GetValue<string>(), Is.EqualTo("mySystem"));
            Assert.That(body["data"]!.ToJsonString(), Is.EqualTo("""[{"type":"DURATION","title":"Duration (seconds)","value":14},{"type":"BOOLEAN","title":"Safe to merge?","value":false}]"""));
            Assert.That(body.AsObject().ContainsKey("uuid"), Is.False, "unset fields are left out");
            AssertReport(stored);
        });
    }

    [Test]
    public async Task Delete_SendsDelete()
    {
        Answer(204, null);

        await Reports.DeleteAsync("my-workspace", "my-repo", Hash, "{1c1c6b3c-a9d4-4b8a-8f3a-62d1fdbd1f1b}");

        AssertSent("DELETE", $"{Base}/%7B1c1c6b3c-a9d4-4b8a-8f3a-62d1fdbd1f1b%7D");
    }

    [Test]
    public async Task ListAnnotations_ReadsAnnotations()
    {
        Answer(200, $$"""{"pagelen":10,"values":[{{AnnotationJson}}]}""");

        var annotations = new List<ReportAnnotation>();
        await foreach (var annotation in Reports.ListAnnotations("my-workspace", "my-repo", Hash, "mysystem-001", new ListOptions { Query = "severity=\"HIGH\"" }))
        {
            annotations.Add(annotation);
        }

        Assert.Multiple(() =>
        {
            AssertSent("GET", $"{Base}/mysystem-001/annotations?q=severity%3D%22HIGH%22");
            AssertAnnotation(annotations.Single());
        });
    }

    [Test]
    public async Task CreateOrUpdateAnnotations_PostsAJsonArray_AndReadsTheStoredOnes()
    {
        Answer(200, $"[{AnnotationJson},{AnnotationJson.Replace("mysystem-annotation001", "mySystem-annotation002", StringComparison.Ordinal)}]");

        var stored = await Reports.CreateOrUpdateAnnotationsAsync("my-workspace", "my-repo", Hash, "mysystem-001",
        [
            new ReportAnnotation
            {
                Type = "report_annotation", ExternalId = "mysystem-annotation001", AnnotationType = ReportAnnotationType.Vulnerability,
                Summary = "This line represents a security threat.", Severity = ReportAnnotationSeverity.High,
                Path = "my-service/src/main/java/com/myCompany/mysystem/logic/Main.java", Line = 42,
            },
            new ReportAnnotation
            {
                Type = "report_annotation", ExternalId = "mySystem-annotation002", AnnotationType = ReportAnnotationType.Bug,
                Result = ReportAnnotationResult.Failed, Summary = "This line might introduce a bug.", Severity = ReportAnnotationSeverity.Medium,
                Path = "my-service/src/main/java/com/myCompany/mysystem/logic/Helper.java", Line = 13,
            },
        ]);

        var body = BodyOf(Mock.Requests.Single()).AsArray();
        Assert.Multiple(() =>
        {
            AssertSent("POST", $"{Base}/mysystem-001/annotations");
            Assert.That(ContentType(Mock.Requests.Single()), Does.StartWith("application/json"));
            Assert.That(body, Has.Count.EqualTo(2));
            Assert.That(body[0]!["type"]!.GetValue<string>(), Is.EqualTo("report_annotation"));
            Assert.That(body[0]!["external_id"]!.GetValue<string>(), Is.EqualTo("mysystem-annotation001"));
            Assert.That(body[0]!["annotation_type"]!.GetValue<string>(), Is.EqualTo("VULNERABILITY"));
            Assert.That(body[0]!["severity"]!.GetValue<string>(), Is.EqualTo("HIGH"));
            Assert.That(body[0]!["line"]!.GetValue<int>(), Is.EqualTo(42));
            Assert.That(body[1]!["annotation_type"]!.GetValue<string>(), Is.EqualTo("BUG"));
            Assert.That(body[1]!["result"]!.GetValue<string>(), Is.EqualTo("FAILED"));
            Assert.That(body[1]!["path"]!.GetValue<string>(), Is.EqualTo("my-service/src/main/java/com/myCompany/mysystem/logic/Helper.java"));
            Assert.That(stored.Select(a => a.ExternalId), Is.EqualTo(new[] { "mysystem-annotation001", "mySystem-annotation002" }));
            AssertAnnotation(stored[0]);
        });
    }

    [Test]
    public async Task GetAnnotation_SendsGet()
    {
        Answer(200, AnnotationJson);

        var annotation = await Reports.GetAnnotationAsync("my-workspace", "my-repo", Hash, "mysystem-001", "mysystem-annotation001");

        Assert.Multiple(() =>
        {
            AssertSent("GET", $"{Base}/mysystem-001/annotations/mysystem-annotation001");
            AssertAnnotation(annotation);
        });
    }

    [Test]
    public async Task CreateOrUpdateAnnotation_PutsTheAnnotation()
    {
        Answer(200, AnnotationJson);

        var stored = await Reports.CreateOrUpdateAnnotationAsync("my-workspace", "my-repo", Hash, "mysystem-001", "mysystem-annotation001", new ReportAnnotation
        {
            Type = "report_annotation",
            AnnotationType = ReportAnnotationType.Vulnerability,
            Summary = "This line represents a security threat.",
            Severity = ReportAnnotationSeverity.High,
            Path = "my-service/src/main/java/com/myCompany/mysystem/logic/Main.java",
            Line = 42,
        });

        var body = BodyOf(Mock.Requests.Single());
        Assert.Multiple(() =>
        {
            AssertSent("PUT", $"{Base}/mysystem-001/annotations/mysystem-annotation001");
            Assert.That(body.ToJsonString(), Is.EqualTo("""{"type":"report_annotation","annotation_type":"VULNERABILITY","path":"my-service/src/main/java/com/myCompany/mysystem/logic/Main.java","line":42,"summary":"This line represents a security threat.","severity":"HIGH"}"""));
            AssertAnnotation(stored);
        });
    }

    [Test]
    public async Task DeleteAnnotation_SendsDelete()
    {
        Answer(204, null);

        await Reports.DeleteAnnotationAsync("my-workspace", "my-repo", Hash, "mysystem-001", "mysystem-annotation001");

        AssertSent("DELETE", $"{Base}/mysystem-001/annotations/mysystem-annotation001");
    }

    private static void AssertReport(Report report)
    {
        Assert.That(report.Type, Is.EqualTo("report"));
        Assert.That(report.Uuid, Is.EqualTo("{1c1c6b3c-a9d4-4b8a-8f3a-62d1fdbd1f1b}"));
        Assert.That(report.Title, Is.EqualTo("Security scan report"));
        Assert.That(report.ReportType, Is.EqualTo(ReportType.Security));
        Assert.That(report.Result, Is.EqualTo(ReportResult.Failed));
        Assert.That(report.RemoteLinkEnabled, Is.True);
        Assert.That(report.LogoUrl, Is.EqualTo("https://www.mysystem.com/logo.png"));
        Assert.That(report.Data, Has.Count.EqualTo(3));
        Assert.That(report.Data![0].Type, Is.EqualTo(ReportDataType.Duration));
        Assert.That(report.Data[0].Value!.Value.GetInt32(), Is.EqualTo(14));
        Assert.That(report.Data[1].Value!.Value.GetBoolean(), Is.False);
        Assert.That(report.Data[2].Value!.Value.GetProperty("href").GetString(), Is.EqualTo("https://www.mysystem.com/reports/001"));
        Assert.That(report.UpdatedOn, Is.EqualTo(new DateTimeOffset(2024, 6, 1, 12, 5, 0, TimeSpan.Zero)));
    }

    private static void AssertAnnotation(ReportAnnotation annotation)
    {
        Assert.That(annotation.Type, Is.EqualTo("report_annotation"));
        Assert.That(annotation.Uuid, Is.EqualTo("{a4f2b0bd-9cfe-4e4c-b5e6-6c2b8d0f5d61}"));
        Assert.That(annotation.AnnotationType, Is.EqualTo(ReportAnnotationType.Vulnerability));
        Assert.That(annotation.Severity, Is.EqualTo(ReportAnnotationSeverity.High));
        Assert.That(annotation.Result, Is.EqualTo(ReportAnnotationResult.Failed));
        Assert.That(annotation.Line, Is.EqualTo(42));
        Assert.That(annotation.Path, Does.EndWith("/logic/Main.java"));
        Assert.That(annotation.Details, Is.EqualTo("CVE-2024-0001 in a dependency."));
        Assert.That(annotation.AdditionalProperties!["title"].GetString(), Is.EqualTo("Security scan report"));
    }
}
