# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'agency_edit_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDialog,
    QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
    QPlainTextEdit, QSizePolicy, QVBoxLayout, QWidget)
from . import resources_rc

class Ui_AgencyEditDialog(object):
    def setupUi(self, AgencyEditDialog):
        if not AgencyEditDialog.objectName():
            AgencyEditDialog.setObjectName(u"AgencyEditDialog")
        AgencyEditDialog.resize(480, 360)
        self.main_layout = QVBoxLayout(AgencyEditDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.intro_label = QLabel(AgencyEditDialog)
        self.intro_label.setObjectName(u"intro_label")
        self.intro_label.setWordWrap(True)

        self.main_layout.addWidget(self.intro_label)

        self.form_layout = QFormLayout()
        self.form_layout.setObjectName(u"form_layout")
        self.form_layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.names_caption = QLabel(AgencyEditDialog)
        self.names_caption.setObjectName(u"names_caption")

        self.form_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.names_caption)

        self.names_edit = QPlainTextEdit(AgencyEditDialog)
        self.names_edit.setObjectName(u"names_edit")
        self.names_edit.setTabChangesFocus(True)

        self.form_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.names_edit)

        self.name_caption = QLabel(AgencyEditDialog)
        self.name_caption.setObjectName(u"name_caption")

        self.form_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.name_caption)

        self.name_edit = QLineEdit(AgencyEditDialog)
        self.name_edit.setObjectName(u"name_edit")

        self.form_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.name_edit)

        self.short_caption = QLabel(AgencyEditDialog)
        self.short_caption.setObjectName(u"short_caption")

        self.form_layout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.short_caption)

        self.short_edit = QLineEdit(AgencyEditDialog)
        self.short_edit.setObjectName(u"short_edit")

        self.form_layout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.short_edit)

        self.kind_caption = QLabel(AgencyEditDialog)
        self.kind_caption.setObjectName(u"kind_caption")

        self.form_layout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.kind_caption)

        self.kind_combo = QComboBox(AgencyEditDialog)
        self.kind_combo.setObjectName(u"kind_combo")

        self.form_layout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.kind_combo)


        self.main_layout.addLayout(self.form_layout)

        self.error_label = QLabel(AgencyEditDialog)
        self.error_label.setObjectName(u"error_label")
        self.error_label.setWordWrap(True)

        self.main_layout.addWidget(self.error_label)

        self.button_box = QDialogButtonBox(AgencyEditDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.main_layout.addWidget(self.button_box)

#if QT_CONFIG(shortcut)
        self.names_caption.setBuddy(self.names_edit)
        self.name_caption.setBuddy(self.name_edit)
        self.short_caption.setBuddy(self.short_edit)
        self.kind_caption.setBuddy(self.kind_combo)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(AgencyEditDialog)
    # setupUi

    def retranslateUi(self, AgencyEditDialog):
        AgencyEditDialog.setWindowTitle(QCoreApplication.translate("AgencyEditDialog", u"C\u01a1 quan, \u0111\u01a1n v\u1ecb", None))
        self.intro_label.setText("")
        self.names_caption.setText(QCoreApplication.translate("AgencyEditDialog", u"&T\u00ean (m\u1ed7i d\u00f2ng m\u1ed9t t\u00ean):", None))
        self.names_edit.setPlaceholderText(QCoreApplication.translate("AgencyEditDialog", u"V\u00ed d\u1ee5:\n"
"X\u00e3 Minh S\u01a1n\n"
"X\u00e3 Cao Th\u1ecbnh\n"
"Th\u1ecb tr\u1ea5n Ng\u1ecdc L\u1eb7c", None))
        self.name_caption.setText(QCoreApplication.translate("AgencyEditDialog", u"&T\u00ean:", None))
        self.short_caption.setText(QCoreApplication.translate("AgencyEditDialog", u"T\u00ean &vi\u1ebft t\u1eaft:", None))
        self.short_edit.setPlaceholderText(QCoreApplication.translate("AgencyEditDialog", u"Kh\u00f4ng b\u1eaft bu\u1ed9c, v\u00ed d\u1ee5: VP H\u0110ND-UBND", None))
        self.kind_caption.setText(QCoreApplication.translate("AgencyEditDialog", u"&Lo\u1ea1i:", None))
        self.error_label.setText("")
        self.error_label.setStyleSheet(QCoreApplication.translate("AgencyEditDialog", u"QLabel { color: #b71c1c; }", None))
    # retranslateUi

