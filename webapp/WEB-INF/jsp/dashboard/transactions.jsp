<%@ page contentType="text/html;charset=UTF-8" session="false" %>
<%@ taglib prefix="t" tagdir="/WEB-INF/tags" %>
<t:transactions transactions="${view.transactions}" total="${view.total}"/>
