package dev.newsroom.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The hexagon holds, checked on the compiled main classes (tests and the local runner left out): the domain
 * depends on nothing of ours but itself, the application only on the domain, adapters inward only, the
 * composition root ({@code config}) on anything but nothing on it except the inbound adapters, and no cycles
 * between these packages. Domain and application code use no AWS SDK, Lambda or Jackson type.
 */
@AnalyzeClasses(packages = "dev.newsroom", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {
    private static final String DOMAIN = "dev.newsroom.domain..";
    private static final String APPLICATION = "dev.newsroom.application..";
    private static final String ADAPTER_IN = "dev.newsroom.adapter.in..";
    private static final String ADAPTER_OUT = "dev.newsroom.adapter.out..";
    private static final String CONFIG = "dev.newsroom.config..";

    @ArchTest
    static final ArchRule domainDependsOnItselfAndTheJdkOnly = classes().that().resideInAPackage(DOMAIN)
            .should().onlyDependOnClassesThat().resideInAnyPackage(DOMAIN, "java..")
            .because("the domain is plain Java: records, rules and its exception");

    @ArchTest
    static final ArchRule applicationDependsOnTheDomainOnly = classes().that().resideInAPackage(APPLICATION)
            .should().onlyDependOnClassesThat().resideInAnyPackage(APPLICATION, DOMAIN, "java..")
            .because("use cases reach storage through their ports, never through an adapter or a library");

    @ArchTest
    static final ArchRule domainAndApplicationUseNoAwsLambdaOrJackson = noClasses()
            .that().resideInAnyPackage(DOMAIN, APPLICATION)
            .should().dependOnClassesThat().resideInAnyPackage("software.amazon..", "com.amazonaws..", "com.fasterxml..");

    /** Jackson's data binding is not in the deployment package (the zip has its streaming core only). */
    @ArchTest
    static final ArchRule deployedCodeUsesNoJacksonDataBinding = noClasses().that().resideOutsideOfPackage("dev.newsroom.local..")
            .should().dependOnClassesThat().resideInAPackage("com.fasterxml.jackson.databind..")
            .because("the Lambda package leaves jackson-databind out: a class using it fails there with NoClassDefFoundError");

    @ArchTest
    static final ArchRule inboundAdaptersUseNoOutboundAdapter = noClasses().that().resideInAPackage(ADAPTER_IN)
            .should().dependOnClassesThat().resideInAPackage(ADAPTER_OUT)
            .because("handlers reach storage through use cases built by config");

    @ArchTest
    static final ArchRule inboundAdaptersUseNoOtherInboundAdapter = slices().matching("dev.newsroom.adapter.in.(*)..")
            .should().notDependOnEachOther();

    @ArchTest
    static final ArchRule outboundAdaptersUseNoInboundAdapter = noClasses().that().resideInAPackage(ADAPTER_OUT)
            .should().dependOnClassesThat().resideInAPackage(ADAPTER_IN);

    @ArchTest
    static final ArchRule onlyInboundAdaptersUseConfig = noClasses()
            .that().resideInAnyPackage(DOMAIN, APPLICATION, ADAPTER_OUT)
            .should().dependOnClassesThat().resideInAPackage(CONFIG)
            .because("config is the composition root: it builds the others, they do not reach back into it");

    /** Every package its own slice ({@code adapter.in.api}, {@code config}, {@code application.port}...). */
    @ArchTest
    static final ArchRule noCyclesBetweenPackages = slices().matching("dev.newsroom.(**)")
            .should().beFreeOfCycles();
}
