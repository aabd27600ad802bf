# `sam build` builds each function through its target here (template.yaml: Metadata: BuildMethod: makefile), with
# ARTIFACTS_DIR set to that function's folder under .aws-sam/build. All six functions ship the same package, so
# Maven builds it once (package goals, tests neither compiled nor run) and each target copies it: classes at the
# root, runtime jars under lib/, exactly the deployment zip (src/assembly/lambda-zip.xml). Tests: `mvn verify`.

FUNCTIONS := ArticlesFunction CommentsFunction AdminFunction PagesFunction CountsFunction NotifierFunction
PACKAGE := target/sam-package
SOURCES := pom.xml src/assembly/lambda-zip.xml $(shell find src/main -type f 2>/dev/null)
MVN ?= mvn

.PHONY: $(addprefix build-,$(FUNCTIONS))

$(addprefix build-,$(FUNCTIONS)): $(PACKAGE)/.built
	@test -n "$(ARTIFACTS_DIR)" || { echo "ARTIFACTS_DIR is not set (sam build sets it)" >&2; exit 2; }
	mkdir -p "$(ARTIFACTS_DIR)"
	cp -R $(PACKAGE)/. "$(ARTIFACTS_DIR)"
	rm -f "$(ARTIFACTS_DIR)/.built"

# Rebuilt only when a source of the package changed since the last build.
$(PACKAGE)/.built: $(SOURCES)
	$(MVN) -q -B -Dmaven.test.skip=true package
	rm -rf $(PACKAGE) && mkdir -p $(PACKAGE)
	cd $(PACKAGE) && jar xf ../newsroom-comments-lambda.zip
	touch $@
